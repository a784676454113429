package clinic.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.scenario.ReservationPlanner.Cast;
import clinic.simulation.scenario.ReservationPlanner.Kind;
import clinic.simulation.scenario.ReservationPlanner.PlannedAttempt;
import clinic.simulation.scenario.ReservationPlanner.Role;
import clinic.simulation.scenario.ReservationPlanner.StudentPlan;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReservationPlannerTest {

    private static final List<Long> EIGHT_CLINICS =
            LongStream.rangeClosed(101, 108).boxed().toList();
    private static final List<Long> NONE_CLOSED = List.of();

    private static ReservationPlanner ordinary(long seed, int min, int max, double pauseMin, double pauseMax) {
        return new ReservationPlanner(seed, min, max, pauseMin, pauseMax, Cast.draw(seed, 200, 0, 0, false));
    }

    private static ReservationPlanner everyone(Role role) {
        return new ReservationPlanner(7, 1, 5, 0.1, 2.0, Cast.everyone(200, role));
    }

    @Test
    void sameSeedAndStudentGiveTheSamePlan() {
        assertThat(ordinary(42, 1, 5, 0.1, 2.0).plan(7, EIGHT_CLINICS, NONE_CLOSED))
                .isEqualTo(ordinary(42, 1, 5, 0.1, 2.0)
                        .plan(7, List.of(108L, 107L, 106L, 105L, 104L, 103L, 102L, 101L), NONE_CLOSED));
    }

    @Test
    void studentsAndSeedsDrawDifferentPlans() {
        ReservationPlanner planner = ordinary(42, 1, 5, 0.1, 2.0);
        Set<StudentPlan> plans = new HashSet<>();
        for (int student = 1; student <= 20; student++) {
            plans.add(planner.plan(student, EIGHT_CLINICS, NONE_CLOSED));
        }
        assertThat(plans).hasSizeGreaterThan(15);
        assertThat(ordinary(43, 1, 5, 0.1, 2.0).plan(1, EIGHT_CLINICS, NONE_CLOSED))
                .isNotEqualTo(planner.plan(1, EIGHT_CLINICS, NONE_CLOSED));
    }

    @Test
    void everyStudentOfARunOpensWithTheSameRushClinicDrawnFromTheSeed() {
        ReservationPlanner planner = ordinary(42, 1, 5, 0.1, 2.0);
        Set<Long> openings = new HashSet<>();
        for (int student = 1; student <= 20; student++) {
            openings.add(first(planner.plan(student, EIGHT_CLINICS, NONE_CLOSED)));
        }
        assertThat(openings).hasSize(1);

        Set<Long> openingsOfSeeds = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            openingsOfSeeds.add(first(ordinary(seed, 1, 5, 0.1, 2.0).plan(1, EIGHT_CLINICS, NONE_CLOSED)));
        }
        assertThat(openingsOfSeeds).hasSizeGreaterThan(4);
    }

    @Test
    void plansDistinctVisibleClinicsWithinTheBoundsAndPausesBetweenTries() {
        Set<Integer> sizes = new HashSet<>();
        for (int student = 1; student <= 200; student++) {
            List<PlannedAttempt> plan = ordinary(7, 2, 5, 0.1, 2.0)
                    .plan(student, EIGHT_CLINICS, NONE_CLOSED)
                    .attempts();
            sizes.add(plan.size());
            assertThat(plan)
                    .extracting(PlannedAttempt::clinicId)
                    .doesNotHaveDuplicates()
                    .isSubsetOf(EIGHT_CLINICS);
            assertThat(plan).extracting(PlannedAttempt::kind).containsOnly(Kind.TRY);
            assertThat(plan.get(0).pauseBefore()).isEqualTo(Duration.ZERO);
            plan.stream()
                    .skip(1)
                    .forEach(attempt -> assertThat(attempt.pauseBefore())
                            .isBetween(Duration.ofMillis(100), Duration.ofMillis(2000)));
        }
        assertThat(sizes).containsExactlyInAnyOrder(2, 3, 4, 5);
    }

    @Test
    void fewerClinicsCapTheCountAndNoneVisibleMeansNoPlan() {
        for (int student = 1; student <= 50; student++) {
            assertThat(ordinary(1, 3, 5, 0, 0)
                            .plan(student, List.of(5L, 6L), NONE_CLOSED)
                            .attempts())
                    .hasSize(2);
        }
        assertThat(ordinary(1, 1, 5, 0, 0).plan(1, List.of(), List.of(9L)).attempts())
                .isEmpty();
    }

    @Test
    void closedClinicsAreTriedLikeAnyOtherButNeverAsTheRush() {
        List<Long> closed = List.of(900L);
        int triedClosed = 0;
        for (int student = 1; student <= 200; student++) {
            List<PlannedAttempt> plan = ordinary(3, 1, 5, 0.1, 2.0)
                    .plan(student, EIGHT_CLINICS, closed)
                    .attempts();
            assertThat(plan.get(0).clinicId()).isNotEqualTo(900L);
            triedClosed += plan.stream().filter(a -> a.clinicId() == 900L).count();
        }
        // three tries on average, two of them among eight others: about a quarter of the students
        assertThat(triedClosed).isBetween(25, 90);
    }

    @Test
    void everyClosedClinicIsTheSecondTryOfAnOrdinaryStudentInEverySeed() {
        List<Long> closed = List.of(900L, 901L);
        for (long seed = 0; seed < 100; seed++) {
            Cast cast = Cast.draw(seed, 20, 0.15, 0.1, true);
            ReservationPlanner planner = new ReservationPlanner(seed, 1, 5, 0.1, 2.0, cast);
            Set<Long> tried = new HashSet<>();
            for (int student = 1; student <= 20; student++) {
                StudentPlan plan = planner.plan(student, EIGHT_CLINICS, closed);
                plan.attempts().forEach(attempt -> tried.add(attempt.clinicId()));
                if (cast.closedClinicTurn(student) == 0) {
                    assertThat(plan.role()).isEqualTo(Role.ORDINARY);
                    assertThat(plan.attempts().get(1).clinicId()).isEqualTo(900L);
                }
            }
            assertThat(tried).as("seed %d", seed).containsAll(closed);
        }
    }

    @Test
    void rolesComeFromTheSeedInTheSharesAsked() {
        Cast cast = Cast.draw(5, 20, 0.15, 0.1, true);

        assertThat(cast.counts())
                .containsEntry(Role.DOUBLE_CLICKER, 3)
                .containsEntry(Role.PERSISTENT, 2)
                .containsEntry(Role.FOREIGN_PROBER, ReservationPlanner.FOREIGN_PROBERS)
                .containsEntry(Role.ORDINARY, 13);
        List<Role> roles = roles(cast);
        assertThat(roles(Cast.draw(5, 20, 0.15, 0.1, true))).isEqualTo(roles);
        assertThat(roles(Cast.draw(6, 20, 0.15, 0.1, true))).isNotEqualTo(roles);
        assertThat(Cast.draw(5, 20, 0, 0, false).counts()).containsOnlyKeys(Role.ORDINARY);
        assertThat(Cast.draw(5, 1, 0, 0, true).counts())
                .as("a lone student has nobody else to book for")
                .containsOnlyKeys(Role.ORDINARY);
        assertThat(Cast.draw(5, 20, 0.6, 0.6, true).counts())
                .as("shares beyond the whole class are cut to it")
                .containsEntry(Role.DOUBLE_CLICKER, 12)
                .containsEntry(Role.PERSISTENT, 8)
                .doesNotContainKeys(Role.FOREIGN_PROBER, Role.ORDINARY);
    }

    private static List<Role> roles(Cast cast) {
        return IntStream.rangeClosed(1, 20).mapToObj(cast::role).toList();
    }

    @Test
    void aDoubleClickerSendsEveryTryTwiceWithinTheRequestBudgetOpeningOnAClinicOtherThanTheRush() {
        long rush = first(ordinary(7, 1, 5, 0.1, 2.0).plan(1, EIGHT_CLINICS, NONE_CLOSED));
        Set<Long> openings = new HashSet<>();
        for (int student = 1; student <= 200; student++) {
            StudentPlan plan = everyone(Role.DOUBLE_CLICKER).plan(student, EIGHT_CLINICS, NONE_CLOSED);
            assertThat(plan.attempts()).extracting(PlannedAttempt::kind).containsOnly(Kind.DOUBLE_CLICK);
            assertThat(plan.requests()).isBetween(2, 5);
            openings.add(first(plan));
        }
        assertThat(openings).hasSize(7).doesNotContain(rush).isSubsetOf(EIGHT_CLINICS);
    }

    @Test
    void aPersistentStudentPlansEveryClinicItsBudgetAllowsAndStopsOnceSeated() {
        for (int student = 1; student <= 200; student++) {
            StudentPlan plan = everyone(Role.PERSISTENT).plan(student, EIGHT_CLINICS, List.of(900L));
            assertThat(plan.attempts())
                    .hasSize(5)
                    .extracting(PlannedAttempt::clinicId)
                    .doesNotHaveDuplicates();
        }
        StudentPlan plan = everyone(Role.PERSISTENT).plan(1, List.of(5L, 6L), NONE_CLOSED);
        assertThat(plan.attempts()).hasSize(2);

        assertThat(plan.stopsAfter(RejectionReason.OCCUPIED)).isFalse();
        assertThat(plan.stopsAfter(RejectionReason.RESERVATION_CLOSED)).isFalse();
        assertThat(plan.stopsAfter(RejectionReason.RESERVED)).isTrue();
        assertThat(plan.stopsAfter(RejectionReason.ALREADY_RESERVED)).isTrue();
        assertThat(ordinary(1, 1, 5, 0, 0).plan(1, EIGHT_CLINICS, NONE_CLOSED).stopsAfter(RejectionReason.RESERVED))
                .as("an ordinary student tries its whole plan")
                .isFalse();
    }

    @Test
    void aProberEndsWithOneRequestForAnotherStudentWithinTheRequestBudget() {
        Set<Long> probed = new HashSet<>();
        for (int student = 1; student <= 200; student++) {
            List<PlannedAttempt> plan = everyone(Role.FOREIGN_PROBER)
                    .plan(student, EIGHT_CLINICS, NONE_CLOSED)
                    .attempts();
            assertThat(plan.get(plan.size() - 1).kind()).isEqualTo(Kind.FOREIGN_PROBE);
            assertThat(plan.subList(0, plan.size() - 1))
                    .extracting(PlannedAttempt::kind)
                    .containsOnly(Kind.TRY);
            assertThat(plan).hasSizeBetween(2, 5);
            probed.add(plan.get(plan.size() - 1).clinicId());
        }
        assertThat(probed).hasSizeGreaterThan(4).isSubsetOf(EIGHT_CLINICS);
    }

    private static long first(StudentPlan plan) {
        return plan.attempts().get(0).clinicId();
    }
}
