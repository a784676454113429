package clinic.detection;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FaultMode;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.audit.BusinessRules;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.Finding.Kind;
import clinic.simulation.audit.RunLedger.AttemptKind;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.audit.Verdict;
import clinic.simulation.output.Diagnosis;
import clinic.simulation.output.FinalClinic;
import clinic.simulation.output.Latency;
import clinic.simulation.output.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultSymptomTest {

    /** The detection table has a row for every symptom: each has its class of runs, {@code <Fault>DetectionIT}. */
    @Test
    void everySymptomHasItsDetectionClass() {
        Path folder =
                Path.of("src/test/java", FaultSymptomTest.class.getPackageName().replace('.', '/'));
        for (FaultSymptom symptom : FaultSymptom.values()) {
            StringBuilder name = new StringBuilder();
            for (String word : symptom.name().split("_")) {
                name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
            Path detection = folder.resolve(name + "DetectionIT.java");
            assertThat(detection).as("the detection runs of %s", symptom).isRegularFile();
            assertThat(detection)
                    .content()
                    .contains("DetectionRuns.assertEveryRunDetects(FaultMode."
                            + symptom.fault().name() + ");");
        }
    }

    private static final String OVERBOOKED =
            "클리닉 7 (mon 21:00 7강의실)에 정원 6명보다 많은 7명이 있습니다 " + "(명단 7명, current_count 7): a, b, c, d, e, f, g";

    @Test
    void anOverbookedClinicNamedWithItsCountAndMatchingRosterIsADetection() {
        LoadTestRun run = run(
                LoadTestRun.ASSERTIONS_FAILED,
                List.of(new Finding(Kind.OVER_CAPACITY, "mon 21:00 7강의실", OVERBOOKED)),
                roster(7, 7),
                200);

        assertThat(FaultSymptom.of(FaultMode.OVERBOOK).problems(run)).isEmpty();
    }

    @Test
    void aMessageTheFinalRosterContradictsIsNotADetection() {
        LoadTestRun run = run(
                LoadTestRun.ASSERTIONS_FAILED,
                List.of(new Finding(Kind.OVER_CAPACITY, "mon 21:00 7강의실", OVERBOOKED)),
                roster(7, 6),
                200);

        assertThat(FaultSymptom.of(FaultMode.OVERBOOK).problems(run))
                .singleElement()
                .asString()
                .contains("the final roster of clinic 7 has 6 students for 6 seats");
    }

    @Test
    void aPassingRunOrAViolationOfAnotherKindIsNotADetection() {
        assertThat(FaultSymptom.of(FaultMode.OVERBOOK).problems(run(LoadTestRun.SUCCESS, List.of(), roster(7, 6), 200)))
                .containsExactly(
                        "Gatling status 0, expected 2 (assertions failed)",
                        "no OVER_CAPACITY violation (attempts 40, reserved 30, logged in 20/20, p95 200 ms, audit passed)");
        assertThat(FaultSymptom.of(FaultMode.LOST_WRITE)
                        .problems(run(
                                LoadTestRun.ASSERTIONS_FAILED,
                                List.of(new Finding(Kind.OVER_CAPACITY, "mon 21:00 7강의실", OVERBOOKED)),
                                roster(7, 7),
                                200)))
                .contains("unexpected violation OVER_CAPACITY: " + OVERBOOKED);
    }

    @Test
    void slowCountsOnlyWhenTheAuditPassesAndP95IsOverTheBound() {
        FaultSymptom slow = FaultSymptom.of(FaultMode.SLOW);

        assertThat(slow.problems(run(LoadTestRun.ASSERTIONS_FAILED, List.of(), roster(7, 6), 1500)))
                .isEmpty();
        assertThat(slow.problems(run(LoadTestRun.ASSERTIONS_FAILED, List.of(), roster(7, 6), 900)))
                .containsExactly("reservation p95 900 ms is below the bound 1000 ms");
        assertThat(slow.problems(run(
                        LoadTestRun.ASSERTIONS_FAILED,
                        List.of(new Finding(Kind.OVER_CAPACITY, "mon 21:00 7강의실", OVERBOOKED)),
                        roster(7, 7),
                        1500)))
                .singleElement()
                .asString()
                .startsWith("the audit should pass");
    }

    /** The business-rule symptoms read the real audit's messages. */
    @Test
    void theBusinessRuleFaultsAreReadFromTheAuditsOwnMessages() {
        RosterStudent blocked = new RosterStudent(20, "테스트학생20", "test_student_20");
        RosterStudent alice = new RosterStudent(1, "테스트학생01", "test_student_01");
        RosterStudent bob = new RosterStudent(2, "테스트학생02", "test_student_02");
        Clinic before = new Clinic(7, "mon", "21:00", "7강의실", "physics1", "테스트강사07", 6, 0, List.of());
        Clinic after = new Clinic(7, "mon", "21:00", "7강의실", "physics1", "테스트강사07", 6, 1, List.of(blocked));
        BusinessRules rules = new BusinessRules(Set.of(blocked.username()), Set.of(99L), true);
        Verdict verdict = new FinalStateAudit(new ScheduleSnapshot(List.of(before), true), List.of(), rules)
                .audit(
                        new ScheduleSnapshot(List.of(after), true),
                        List.of(
                                attempt(blocked, 7, RejectionReason.RESERVED, AttemptKind.OWN, blocked),
                                attempt(alice, 99, RejectionReason.RESERVED, AttemptKind.OWN, alice),
                                attempt(alice, 7, RejectionReason.OCCUPIED, AttemptKind.FOR_ANOTHER_STUDENT, bob)));
        Map<Kind, FaultMode> faults = Map.of(
                Kind.NO_SHOW_NOT_BLOCKED, FaultMode.NO_SHOW_IGNORED,
                Kind.CLOSED_CLINIC_BOOKED, FaultMode.CLOSED_IGNORED,
                Kind.FOREIGN_BOOKING, FaultMode.FOREIGN_BOOKING);

        assertThat(verdict.violations()).extracting(Finding::kind).containsExactlyInAnyOrderElementsOf(faults.keySet());
        faults.forEach((kind, fault) -> {
            List<Finding> ofKind = verdict.violations().stream()
                    .filter(violation -> violation.kind() == kind)
                    .toList();
            assertThat(FaultSymptom.of(fault)
                            .problems(run(LoadTestRun.ASSERTIONS_FAILED, ofKind, FinalClinic.of(after), 200)))
                    .as("%s", kind)
                    .isEmpty();
        });
    }

    private static ReservationAttempt attempt(
            RosterStudent forStudent, long clinicId, RejectionReason reason, AttemptKind kind, RosterStudent caller) {
        return new ReservationAttempt(
                forStudent.username(),
                forStudent.id(),
                clinicId,
                new ReservationAnswer(reason, ""),
                200,
                5,
                "{}",
                Instant.now(),
                kind,
                caller.username());
    }

    private static FinalClinic roster(long clinicId, int students) {
        return new FinalClinic(
                clinicId,
                "mon",
                "21:00",
                "7강의실",
                "physics1",
                "테스트강사07",
                6,
                students,
                List.of("a", "b", "c", "d", "e", "f", "g").subList(0, students));
    }

    private static LoadTestRun run(int status, List<Finding> violations, FinalClinic clinic, long p95) {
        RunSummary summary = new RunSummary(
                Map.of("p95Ms", 1000),
                5.0,
                new RunSummary.Students(20, 20, List.of(), List.of()),
                List.of(),
                new RunSummary.Reservations(40, 30, 10, 75.0, Map.of(RejectionReason.RESERVED, 30)),
                new Latency(100, 50, p95, p95, p95),
                new RunSummary.Audit(true, violations.isEmpty(), null, violations, List.of(), List.of(), List.of(), 1),
                List.of(clinic),
                new Diagnosis(null, List.of()),
                List.of(),
                null,
                null);
        return new LoadTestRun(1, status, summary, Path.of("run"), Duration.ZERO);
    }
}
