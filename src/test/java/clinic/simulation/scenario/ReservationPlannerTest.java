package clinic.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.scenario.ReservationPlanner.PlannedAttempt;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReservationPlannerTest {

    private static final List<Long> EIGHT_CLINICS =
            LongStream.rangeClosed(101, 108).boxed().toList();

    @Test
    void sameSeedAndStudentGiveTheSamePlan() {
        ReservationPlanner planner = new ReservationPlanner(42, 1, 5, 0.1, 2.0);

        assertThat(planner.plan(7, EIGHT_CLINICS))
                .isEqualTo(new ReservationPlanner(42, 1, 5, 0.1, 2.0)
                        .plan(7, List.of(108L, 107L, 106L, 105L, 104L, 103L, 102L, 101L)));
    }

    @Test
    void studentsAndSeedsDrawDifferentPlans() {
        ReservationPlanner planner = new ReservationPlanner(42, 1, 5, 0.1, 2.0);
        Set<List<PlannedAttempt>> plans = new HashSet<>();
        for (int student = 1; student <= 20; student++) {
            plans.add(planner.plan(student, EIGHT_CLINICS));
        }
        assertThat(plans).hasSizeGreaterThan(15);
        assertThat(new ReservationPlanner(43, 1, 5, 0.1, 2.0).plan(1, EIGHT_CLINICS))
                .isNotEqualTo(planner.plan(1, EIGHT_CLINICS));
    }

    @Test
    void everyStudentOfARunOpensWithTheSameRushClinicDrawnFromTheSeed() {
        ReservationPlanner planner = new ReservationPlanner(42, 1, 5, 0.1, 2.0);
        Set<Long> openings = new HashSet<>();
        for (int student = 1; student <= 20; student++) {
            openings.add(planner.plan(student, EIGHT_CLINICS).get(0).clinicId());
        }
        assertThat(openings).hasSize(1);

        Set<Long> openingsOfSeeds = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            openingsOfSeeds.add(new ReservationPlanner(seed, 1, 5, 0.1, 2.0)
                    .plan(1, EIGHT_CLINICS)
                    .get(0)
                    .clinicId());
        }
        assertThat(openingsOfSeeds).hasSizeGreaterThan(4);
    }

    @Test
    void plansDistinctVisibleClinicsWithinTheBoundsAndPausesBetweenTries() {
        Set<Integer> sizes = new HashSet<>();
        for (int student = 1; student <= 200; student++) {
            List<PlannedAttempt> plan = new ReservationPlanner(7, 2, 5, 0.1, 2.0).plan(student, EIGHT_CLINICS);
            sizes.add(plan.size());
            assertThat(plan)
                    .extracting(PlannedAttempt::clinicId)
                    .doesNotHaveDuplicates()
                    .isSubsetOf(EIGHT_CLINICS);
            assertThat(plan.get(0).pauseBefore()).isEqualTo(Duration.ZERO);
            plan.stream()
                    .skip(1)
                    .forEach(attempt -> assertThat(attempt.pauseBefore())
                            .isBetween(Duration.ofMillis(100), Duration.ofMillis(2000)));
        }
        assertThat(sizes).containsExactlyInAnyOrder(2, 3, 4, 5);
    }

    @Test
    void fewerVisibleClinicsCapTheCount() {
        for (int student = 1; student <= 50; student++) {
            assertThat(new ReservationPlanner(1, 3, 5, 0, 0).plan(student, List.of(5L, 6L)))
                    .hasSize(2);
        }
        assertThat(new ReservationPlanner(1, 1, 5, 0, 0).plan(1, List.of())).isEmpty();
    }
}
