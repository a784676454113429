package clinic.simulation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.audit.FinalStateAudit.Finding.Kind;
import clinic.simulation.audit.FinalStateAudit.Verdict;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FinalStateAuditTest {

    private static final RosterStudent ALICE = new RosterStudent(1, "테스트학생01", "test_student_01");
    private static final RosterStudent BOB = new RosterStudent(2, "테스트학생02", "test_student_02");
    private static final RosterStudent CHOI = new RosterStudent(3, "테스트학생03", "test_student_03");

    private static Clinic clinic(long id, String time, String room, int capacity, RosterStudent... roster) {
        return new Clinic(id, "mon", time, room, "physics1", "테스트강사01", capacity, roster.length, Arrays.asList(roster));
    }

    private static ReservationAttempt attempt(RosterStudent student, long clinicId, RejectionReason reason) {
        return new ReservationAttempt(
                student.username(),
                student.id(),
                clinicId,
                new ReservationAnswer(reason, reason.technical() ? "HTTP 500" : ""),
                200,
                5,
                "{}",
                Instant.now());
    }

    private static ScheduleSnapshot schedule(Clinic... clinics) {
        return new ScheduleSnapshot(List.of(clinics), true);
    }

    private static final ScheduleSnapshot EMPTY_BEFORE =
            schedule(clinic(10, "18:00", "1강의실", 2), clinic(11, "18:00", "2강의실", 2));
    private static final List<ExpectedClinic> EXPECTED =
            List.of(new ExpectedClinic(10L, "mon", "18:00", "1강의실"), new ExpectedClinic(11L, "mon", "18:00", "2강의실"));

    private final FinalStateAudit audit = new FinalStateAudit(EMPTY_BEFORE, EXPECTED, BusinessRules.none());

    @Test
    void consistentFinalStatePasses() {
        ScheduleSnapshot before = schedule(clinic(10, "18:00", "1강의실", 2, CHOI), clinic(11, "18:00", "2강의실", 2));
        Verdict verdict = new FinalStateAudit(before, EXPECTED, BusinessRules.none())
                .audit(
                        schedule(clinic(10, "18:00", "1강의실", 2, CHOI, ALICE), clinic(11, "18:00", "2강의실", 2, BOB)),
                        List.of(
                                attempt(ALICE, 10, RejectionReason.RESERVED),
                                        attempt(BOB, 10, RejectionReason.OCCUPIED),
                                attempt(BOB, 11, RejectionReason.RESERVED),
                                        attempt(ALICE, 10, RejectionReason.ALREADY_RESERVED)));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void moreStudentsThanSeatsIsOverCapacity() {
        Verdict verdict = audit.audit(
                schedule(clinic(10, "18:00", "1강의실", 2, ALICE, BOB, CHOI), clinic(11, "18:00", "2강의실", 2)),
                List.of(
                        attempt(ALICE, 10, RejectionReason.RESERVED),
                        attempt(BOB, 10, RejectionReason.RESERVED),
                        attempt(CHOI, 10, RejectionReason.RESERVED)));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.violations())
                .containsExactly(new FinalStateAudit.Finding(
                        Kind.OVER_CAPACITY,
                        "clinic 10 (mon 18:00 1강의실) holds 3 students for a capacity of 2 (roster 3, current_count 3): "
                                + "test_student_01, test_student_02, test_student_03"));
    }

    @Test
    void currentCountAboveCapacityIsOverCapacityEvenWithAShortRoster() {
        Clinic counted = new Clinic(10, "mon", "18:00", "1강의실", "physics1", "t", 2, 3, List.of());
        Verdict verdict = audit.audit(schedule(counted, clinic(11, "18:00", "2강의실", 2)), List.of());

        assertThat(verdict.violations())
                .extracting(FinalStateAudit.Finding::kind)
                .containsExactly(Kind.OVER_CAPACITY);
    }

    @Test
    void studentListedTwiceIsADuplicate() {
        Verdict verdict = audit.audit(
                schedule(clinic(10, "18:00", "1강의실", 6, ALICE, ALICE), clinic(11, "18:00", "2강의실", 2)),
                List.of(attempt(ALICE, 10, RejectionReason.RESERVED)));

        assertThat(verdict.violations())
                .containsExactly(new FinalStateAudit.Finding(
                        Kind.DUPLICATE_STUDENT,
                        "clinic 10 (mon 18:00 1강의실) lists test_student_01 (id 1) 2 times (its answers there: "
                                + "RESERVED)"));
    }

    @Test
    void acceptedReservationMissingFromTheRosterIsALostWrite() {
        Verdict verdict = audit.audit(
                schedule(clinic(10, "18:00", "1강의실", 2, BOB), clinic(11, "18:00", "2강의실", 2)),
                List.of(attempt(ALICE, 10, RejectionReason.RESERVED), attempt(BOB, 10, RejectionReason.RESERVED)));

        assertThat(verdict.violations())
                .containsExactly(new FinalStateAudit.Finding(
                        Kind.ACCEPTED_MISSING,
                        "the reservation of test_student_01 (id 1) in clinic 10 (mon 18:00 1강의실) was answered 200 but the "
                                + "student is not in its final roster"));
    }

    @Test
    void acceptedReservationOfAVanishedClinicIsMissing() {
        Verdict verdict = new FinalStateAudit(EMPTY_BEFORE, List.of(), BusinessRules.none())
                .audit(schedule(clinic(10, "18:00", "1강의실", 2)), List.of(attempt(BOB, 11, RejectionReason.RESERVED)));

        assertThat(verdict.violations())
                .containsExactly(new FinalStateAudit.Finding(
                        Kind.ACCEPTED_MISSING,
                        "the reservation of test_student_02 (id 2) in clinic 11 was answered 200 but that clinic is not in "
                                + "the final schedule"));
    }

    @Test
    void studentInARosterWithoutA200AndNotThereBeforeIsAPhantom() {
        Verdict verdict = audit.audit(
                schedule(clinic(10, "18:00", "1강의실", 2, ALICE), clinic(11, "18:00", "2강의실", 2)),
                List.of(attempt(ALICE, 10, RejectionReason.OCCUPIED)));

        assertThat(verdict.violations())
                .containsExactly(new FinalStateAudit.Finding(
                        Kind.PHANTOM_RESERVATION,
                        "test_student_01 (id 1) is in the roster of clinic 10 (mon 18:00 1강의실) but was not there before and "
                                + "no reservation of it was answered 200 (answers: OCCUPIED)"));
    }

    @Test
    void setupClinicMissingFromTheFinalScheduleIsNotVisible() {
        Verdict verdict = audit.audit(new ScheduleSnapshot(List.of(clinic(10, "18:00", "1강의실", 2)), false), List.of());

        assertThat(verdict.violations())
                .containsExactly(new FinalStateAudit.Finding(
                        Kind.CLINIC_NOT_VISIBLE,
                        "clinic 11 (mon 18:00 2강의실) made by the setup is not in the final schedule (the answer had no "
                                + "'clinics' list, only the grid, which shows one clinic per day and time)"));
    }

    @Test
    void expectedClinicsFromTheCsvMatchByDayTimeAndRoom() {
        FinalStateAudit fromCsv = new FinalStateAudit(
                EMPTY_BEFORE,
                List.of(
                        new ExpectedClinic(null, "mon", "19:00", "3강의실"),
                        new ExpectedClinic(null, "mon", "18:00", "1강의실")),
                BusinessRules.none());
        Verdict verdict = fromCsv.audit(schedule(clinic(10, "18:00", "1강의실", 2)), List.of());

        assertThat(verdict.violations())
                .containsExactly(new FinalStateAudit.Finding(
                        Kind.CLINIC_NOT_VISIBLE,
                        "clinic (mon 19:00 3강의실) made by the setup is not in the final schedule"));
    }

    @Test
    void anyTechnicalFailureIsAViolation() {
        Verdict verdict = audit.audit(
                schedule(clinic(10, "18:00", "1강의실", 2), clinic(11, "18:00", "2강의실", 2)),
                List.of(
                        attempt(ALICE, 10, RejectionReason.SERVER_ERROR),
                                attempt(BOB, 10, RejectionReason.SERVER_ERROR),
                        attempt(CHOI, 11, RejectionReason.NETWORK_ERROR),
                                attempt(ALICE, 11, RejectionReason.OCCUPIED)));

        assertThat(verdict.violations())
                .containsExactly(new FinalStateAudit.Finding(
                        Kind.TECHNICAL_FAILURES,
                        "3 reservation attempt(s) failed technically: SERVER_ERROR 2, NETWORK_ERROR 1"));
        assertThat(verdict.failureMessage(Kind.TECHNICAL_FAILURES, 200, "report.html"))
                .isEqualTo("TECHNICAL_FAILURES 1건 (기술적 실패 (5xx, 예상하지 못한 응답, 무응답)): 3 reservation "
                        + "attempt(s) failed technically: SERVER_ERROR 2, NETWORK_ERROR 1");
        assertThat(verdict.failureMessage(Kind.OVER_CAPACITY, 200, "report.html"))
                .isNull();
    }

    @Test
    void aKindsMessageNamesEveryFindingThatFitsWholeAndCountsTheRest() {
        Verdict verdict = new Verdict(
                List.of(
                        new FinalStateAudit.Finding(Kind.CLINIC_NOT_VISIBLE, "clinic (mon 18:00 2강의실) is hidden"),
                        new FinalStateAudit.Finding(Kind.OVER_CAPACITY, "clinic 9 holds 7"),
                        new FinalStateAudit.Finding(Kind.CLINIC_NOT_VISIBLE, "clinic (mon 19:00 4강의실) is hidden"),
                        new FinalStateAudit.Finding(Kind.CLINIC_NOT_VISIBLE, "clinic (mon 20:00 6강의실) is hidden")),
                List.of());

        String message = verdict.failureMessage(Kind.CLINIC_NOT_VISIBLE, 110, "전체는 report.html");

        assertThat(message)
                .isEqualTo("CLINIC_NOT_VISIBLE 3건 (준비된 클리닉이 최종 스케줄에 보이지 않음): clinic (mon 18:00 2강의실) is hidden"
                        + " … 외 2건: 전체는 report.html")
                .hasSizeLessThanOrEqualTo(110);
        assertThat(verdict.failureMessage(Kind.CLINIC_NOT_VISIBLE, 200, "전체는 report.html"))
                .endsWith("2강의실) is hidden; clinic (mon 19:00 4강의실) is hidden; clinic (mon 20:00 6강의실) is hidden");
    }

    @Test
    void aFindingLongerThanTheRowIsCutBetweenWordsAndSaysWhereItIsWhole() {
        String roster = String.join(
                ", ",
                IntStream.rangeClosed(1, 20).mapToObj(n -> "test_student_" + n).toList());
        Verdict verdict = new Verdict(
                List.of(new FinalStateAudit.Finding(
                        Kind.OVER_CAPACITY,
                        "clinic 10 (mon 18:00 2강의실) holds 20 students for a capacity of 6: " + roster)),
                List.of());

        String message = verdict.failureMessage(Kind.OVER_CAPACITY, 150, "전체는 report.html");

        assertThat(message)
                .hasSizeLessThanOrEqualTo(150)
                .startsWith("OVER_CAPACITY 1건 (정원 초과 예약): clinic 10 (mon 18:00 2강의실) holds 20 students for a "
                        + "capacity of 6: test_student_1,")
                .endsWith(", … 전체는 report.html")
                .doesNotContain("test_student_20");
    }

    @Test
    void twoClinicsAtTheSameTimeIsOnlyAWarning() {
        Verdict verdict = audit.audit(
                schedule(clinic(10, "18:00", "1강의실", 2, ALICE), clinic(11, "18:00", "2강의실", 2, ALICE)),
                List.of(attempt(ALICE, 10, RejectionReason.RESERVED), attempt(ALICE, 11, RejectionReason.RESERVED)));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.warnings())
                .containsExactly(new FinalStateAudit.Finding(
                        Kind.SAME_TIME_CLINICS,
                        "test_student_01 (id 1) holds 2 clinics at mon 18:00: 10 (1강의실), 11 (2강의실)"));
    }

    @Test
    void aSeatOfAStudentAnotherInjectorDrivesIsTheirsToJudgeButAStrangerIsStillAPhantom() {
        RosterStudent stranger = new RosterStudent(99, "외부인", "someone_else");
        FinalStateAudit shard = new FinalStateAudit(
                EMPTY_BEFORE, EXPECTED, BusinessRules.none(), Set.of(BOB.username(), CHOI.username()));

        Verdict verdict = shard.audit(
                schedule(clinic(10, "18:00", "1강의실", 6, ALICE, BOB, stranger), clinic(11, "18:00", "2강의실", 2)),
                List.of(attempt(ALICE, 10, RejectionReason.RESERVED)));

        assertThat(verdict.violations())
                .extracting(FinalStateAudit.Finding::kind, FinalStateAudit.Finding::message)
                .containsExactly(tuple(
                        Kind.PHANTOM_RESERVATION,
                        "someone_else (id 99) is in the roster of clinic 10 (mon 18:00 1강의실) but was not there "
                                + "before and no reservation of it was answered 200 (answers: none)"));
    }
}
