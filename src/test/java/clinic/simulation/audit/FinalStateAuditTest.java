package clinic.simulation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.audit.Finding.Kind;
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
                .containsExactly(new Finding(
                        Kind.OVER_CAPACITY,
                        "mon 18:00 1강의실",
                        "클리닉 10 (mon 18:00 1강의실)에 정원 2명보다 많은 3명이 있습니다 (명단 3명, current_count 3): "
                                + "test_student_01, test_student_02, test_student_03"));
    }

    @Test
    void currentCountAboveCapacityIsOverCapacityEvenWithAShortRoster() {
        Clinic counted = new Clinic(10, "mon", "18:00", "1강의실", "physics1", "t", 2, 3, List.of());
        Verdict verdict = audit.audit(schedule(counted, clinic(11, "18:00", "2강의실", 2)), List.of());

        assertThat(verdict.violations()).extracting(Finding::kind).containsExactly(Kind.OVER_CAPACITY);
    }

    @Test
    void studentListedTwiceIsADuplicate() {
        Verdict verdict = audit.audit(
                schedule(clinic(10, "18:00", "1강의실", 6, ALICE, ALICE), clinic(11, "18:00", "2강의실", 2)),
                List.of(attempt(ALICE, 10, RejectionReason.RESERVED)));

        assertThat(verdict.violations())
                .containsExactly(new Finding(
                        Kind.DUPLICATE_STUDENT,
                        "mon 18:00 1강의실 test_student_01",
                        "클리닉 10 (mon 18:00 1강의실) 명단에 test_student_01 (id 1) 학생이 2번 있습니다 (이 클리닉에서 받은 응답: "
                                + "RESERVED)"));
    }

    @Test
    void acceptedReservationMissingFromTheRosterIsALostWrite() {
        Verdict verdict = audit.audit(
                schedule(clinic(10, "18:00", "1강의실", 2, BOB), clinic(11, "18:00", "2강의실", 2)),
                List.of(attempt(ALICE, 10, RejectionReason.RESERVED), attempt(BOB, 10, RejectionReason.RESERVED)));

        assertThat(verdict.violations())
                .containsExactly(new Finding(
                        Kind.ACCEPTED_MISSING,
                        "mon 18:00 1강의실 test_student_01",
                        "test_student_01 (id 1) 학생의 클리닉 10 (mon 18:00 1강의실) 예약은 200으로 성공했지만 최종 명단에 없습니다"));
    }

    @Test
    void acceptedReservationOfAVanishedClinicIsMissing() {
        Verdict verdict = new FinalStateAudit(EMPTY_BEFORE, List.of(), BusinessRules.none())
                .audit(schedule(clinic(10, "18:00", "1강의실", 2)), List.of(attempt(BOB, 11, RejectionReason.RESERVED)));

        assertThat(verdict.violations())
                .containsExactly(new Finding(
                        Kind.ACCEPTED_MISSING,
                        "clinic 11 test_student_02",
                        "test_student_02 (id 2) 학생의 클리닉 11 예약은 200으로 성공했지만 그 클리닉이 최종 스케줄에 없습니다"));
    }

    @Test
    void studentInARosterWithoutA200AndNotThereBeforeIsAPhantom() {
        Verdict verdict = audit.audit(
                schedule(clinic(10, "18:00", "1강의실", 2, ALICE), clinic(11, "18:00", "2강의실", 2)),
                List.of(attempt(ALICE, 10, RejectionReason.OCCUPIED)));

        assertThat(verdict.violations())
                .containsExactly(new Finding(
                        Kind.PHANTOM_RESERVATION,
                        "mon 18:00 1강의실 test_student_01",
                        "test_student_01 (id 1) 학생이 클리닉 10 (mon 18:00 1강의실) 명단에 있지만 부하 전에는 없었고 200으로 답한 "
                                + "예약도 없습니다 (받은 응답: OCCUPIED)"));
    }

    @Test
    void setupClinicMissingFromTheFinalScheduleIsNotVisible() {
        Verdict verdict = audit.audit(new ScheduleSnapshot(List.of(clinic(10, "18:00", "1강의실", 2)), false), List.of());

        assertThat(verdict.violations())
                .containsExactly(new Finding(
                        Kind.CLINIC_NOT_VISIBLE,
                        "mon 18:00 2강의실",
                        "설정이 만든 클리닉 11 (mon 18:00 2강의실)이 최종 스케줄에 없습니다 (응답에 'clinics' 목록이 없고, "
                                + "요일·시간마다 클리닉 하나만 보여 주는 grid뿐이었습니다)"));
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
                .containsExactly(new Finding(
                        Kind.CLINIC_NOT_VISIBLE, "mon 19:00 3강의실", "설정이 만든 클리닉 (mon 19:00 3강의실)이 최종 스케줄에 없습니다"));
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
                .containsExactly(new Finding(
                        Kind.TECHNICAL_FAILURES, "", "예약 시도 3건이 기술적으로 실패했습니다: SERVER_ERROR 2, NETWORK_ERROR 1"));
        assertThat(verdict.failureMessage(Kind.TECHNICAL_FAILURES, 200, "report.html"))
                .isEqualTo("TECHNICAL_FAILURES 1건 (기술적 실패 (5xx, 예상하지 못한 응답, 무응답)): 예약 시도 3건이 기술적으로 "
                        + "실패했습니다: SERVER_ERROR 2, NETWORK_ERROR 1");
        assertThat(verdict.failureMessage(Kind.OVER_CAPACITY, 200, "report.html"))
                .isNull();
    }

    @Test
    void aKindsMessageNamesEveryFindingThatFitsWholeAndCountsTheRest() {
        Verdict verdict = new Verdict(
                List.of(
                        new Finding(Kind.CLINIC_NOT_VISIBLE, "mon 18:00 2강의실", "clinic (mon 18:00 2강의실) is hidden"),
                        new Finding(Kind.OVER_CAPACITY, "mon 18:00 1강의실", "clinic 9 holds 7"),
                        new Finding(Kind.CLINIC_NOT_VISIBLE, "mon 19:00 4강의실", "clinic (mon 19:00 4강의실) is hidden"),
                        new Finding(Kind.CLINIC_NOT_VISIBLE, "mon 20:00 6강의실", "clinic (mon 20:00 6강의실) is hidden")),
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
                List.of(new Finding(
                        Kind.OVER_CAPACITY,
                        "mon 18:00 2강의실",
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
                .containsExactly(new Finding(
                        Kind.SAME_TIME_CLINICS,
                        "test_student_01 mon 18:00",
                        "test_student_01 (id 1) 학생이 mon 18:00에 클리닉 2개를 잡고 있습니다: 10 (1강의실), 11 (2강의실)"));
    }

    @Test
    void aSeatOfAStudentAnotherInjectorDrivesIsTheirsToJudgeButAStrangerIsStillAPhantom() {
        RosterStudent stranger = new RosterStudent(99, "외부인", "someone_else");
        FinalStateAudit shard = new FinalStateAudit(
                EMPTY_BEFORE,
                EXPECTED,
                BusinessRules.none(),
                Set.of(BOB.username(), CHOI.username()),
                AcceptedFindings.NONE);

        Verdict verdict = shard.audit(
                schedule(clinic(10, "18:00", "1강의실", 6, ALICE, BOB, stranger), clinic(11, "18:00", "2강의실", 2)),
                List.of(attempt(ALICE, 10, RejectionReason.RESERVED)));

        assertThat(verdict.violations())
                .extracting(Finding::kind, Finding::message)
                .containsExactly(tuple(
                        Kind.PHANTOM_RESERVATION,
                        "someone_else (id 99) 학생이 클리닉 10 (mon 18:00 1강의실) 명단에 있지만 부하 전에는 없었고 200으로 답한 "
                                + "예약도 없습니다 (받은 응답: 없음)"));
    }

    @Test
    void acceptedFindingsAreReportedApartAndFailNothingWhileNewOnesStillFail() {
        AcceptedFindings baseline = AcceptedFindings.of(
                List.of(
                        new Finding(Kind.CLINIC_NOT_VISIBLE, "mon 18:00 2강의실", "an older run's words"),
                        new Finding(Kind.TECHNICAL_FAILURES, "", "accepting these would hide every later one")),
                "production grid");
        FinalStateAudit withBaseline =
                new FinalStateAudit(EMPTY_BEFORE, EXPECTED, BusinessRules.none(), Set.of(), baseline);
        ScheduleSnapshot grid = new ScheduleSnapshot(List.of(clinic(10, "18:00", "1강의실", 2)), false);

        Verdict hidden = withBaseline.audit(grid, List.of());
        Verdict failing = withBaseline.audit(grid, List.of(attempt(ALICE, 10, RejectionReason.SERVER_ERROR)));

        assertThat(hidden.passed()).isTrue();
        assertThat(hidden.violations()).isEmpty();
        assertThat(hidden.accepted())
                .extracting(Finding::kind, Finding::subject, Finding::note)
                .containsExactly(tuple(Kind.CLINIC_NOT_VISIBLE, "mon 18:00 2강의실", "production grid"));
        assertThat(hidden.accepted().get(0).message()).startsWith("설정이 만든 클리닉 11 (mon 18:00 2강의실)");
        assertThat(failing.passed()).isFalse();
        assertThat(failing.violations()).extracting(Finding::kind).containsExactly(Kind.TECHNICAL_FAILURES);
    }
}
