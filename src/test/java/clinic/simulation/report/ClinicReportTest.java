package clinic.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.audit.ExpectedClinic;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.Finding.Kind;
import clinic.simulation.audit.RuleCheck;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.audit.RunLedger.Login;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.audit.Verdict;
import clinic.simulation.options.RunOptions;
import clinic.simulation.output.AttemptsFile;
import clinic.simulation.output.RunSummary;
import clinic.simulation.report.ClinicReport.ClinicState;
import clinic.simulation.report.ClinicReport.GridClinic;
import clinic.simulation.report.ClinicReport.SeatTimeline;
import clinic.simulation.report.ClinicReport.StudentRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's data from a ledger, through the attempts file the report reads. */
class ClinicReportTest {

    private static final Instant OPENING = Instant.parse("2026-11-25T09:00:00Z");

    /** Clinic 1 (capacity 2) taken three times; clinic 2 (capacity 3) once; clinic 10 never. */
    private static final List<Clinic> FINAL_CLINICS = List.of(
            clinic(1, "mon", "18:00", "2강의실", 2, "test_student_01", "test_student_02", "test_student_03"),
            clinic(2, "mon", "18:00", "10강의실", 3, "test_student_01"),
            clinic(10, "tue", "19:00", "1강의실", 2),
            clinic(11, "mon", "20:00", "3강의실", 1, "test_student_04"));

    @TempDir
    Path runFolder;

    private static Clinic clinic(long id, String day, String time, String room, int capacity, String... roster) {
        List<RosterStudent> students = IntStream.range(0, roster.length)
                .mapToObj(index -> new RosterStudent(100 + index, "학생", roster[index]))
                .toList();
        return new Clinic(id, day, time, room, "physics1", "테스트강사01", capacity, roster.length, students);
    }

    /** An attempt sent {@code sentMs} after the opening and answered {@code latencyMs} later. */
    private static ReservationAttempt attempt(
            String student, long clinicId, RejectionReason reason, long sentMs, long latencyMs) {
        return new ReservationAttempt(
                student,
                Long.parseLong(student.substring(student.length() - 2)),
                clinicId,
                new ReservationAnswer(reason, reason.technical() ? "HTTP 500" : ""),
                reason.technical() ? 500 : 200,
                latencyMs,
                "{}",
                OPENING.plusMillis(sentMs + latencyMs));
    }

    /** The report of a run over Monday and Tuesday, whose final schedule is {@link #FINAL_CLINICS}. */
    private ClinicReport report(RunLedger ledger, Verdict verdict, Map<String, String> options) {
        Map<String, String> withDays = new HashMap<>(options);
        withDays.put("days", "mon,tue");
        RunOptions parsed = RunOptions.parse(withDays);
        List<ExpectedClinic> expected = new ArrayList<>(FINAL_CLINICS.stream()
                .map(clinic -> new ExpectedClinic(clinic.id(), clinic.day(), clinic.time(), clinic.room()))
                .toList());
        expected.add(new ExpectedClinic(null, "mon", "18:00", "4강의실"));
        ScheduleSnapshot finalSchedule = new ScheduleSnapshot(FINAL_CLINICS, true);
        RunSummary summary = RunSummary.of(
                        parsed,
                        ledger,
                        Duration.ofSeconds(4),
                        5,
                        new FinalStateAudit.Result(finalSchedule, verdict, 0),
                        null)
                .withExpectedClinics(expected, finalSchedule);
        AttemptsFile.write(runFolder.resolve(AttemptsFile.FILE), ledger.attempts());
        return ClinicReport.of(summary, AttemptsFile.read(runFolder.resolve(AttemptsFile.FILE)));
    }

    private static RunLedger ledger() {
        RunLedger ledger = new RunLedger();
        ledger.add(attempt("test_student_01", 1, RejectionReason.RESERVED, 0, 100));
        ledger.add(attempt("test_student_02", 1, RejectionReason.RESERVED, 0, 250));
        ledger.add(attempt("test_student_03", 1, RejectionReason.RESERVED, 10, 290));
        ledger.add(attempt("test_student_04", 1, RejectionReason.OCCUPIED, 20, 300));
        ledger.add(attempt("test_student_01", 2, RejectionReason.RESERVED, 1500, 40));
        ledger.add(attempt("test_student_04", 11, RejectionReason.RESERVED, 1600, 20));
        ledger.add(attempt("test_student_02", 2, RejectionReason.SERVER_ERROR, 2500, 700));
        ledger.add(new Login("test_student_05", null, "login refused: HTTP 401", 401, 20, "{}", OPENING));
        return ledger;
    }

    private static final Verdict OVERBOOKED = new Verdict(
            List.of(
                    new Finding(
                            Kind.OVER_CAPACITY,
                            "mon 18:00 2강의실",
                            "clinic 1 (mon 18:00 2강의실) holds 3 students for a capacity of 2"),
                    new Finding(Kind.TECHNICAL_FAILURES, "", "1 reservation attempt(s) failed technically"),
                    new Finding(
                            Kind.CLINIC_NOT_VISIBLE,
                            "mon 18:00 4강의실",
                            "clinic (mon 18:00 4강의실) made by the setup is not there")),
            List.of(),
            List.of(new Finding(
                    Kind.SAME_TIME_CLINICS,
                    "test_student_01 mon 18:00",
                    "test_student_01 (id 1) holds 2 clinics at mon 18:00")),
            List.of(
                    new RuleCheck(RuleCheck.Rule.NO_SHOW_BLOCKING, 1, 3, 3, RuleCheck.Outcome.HELD),
                    new RuleCheck(RuleCheck.Rule.FOREIGN_BOOKING, 2, 2, 0, RuleCheck.Outcome.WARNED)));

    @Test
    void eachSeatIsTakenWhenItsAnswer200CameAndAClinicFillsWithItsLastSeat() {
        ClinicReport report = report(ledger(), OVERBOOKED, Map.of("seed", "42"));

        SeatTimeline overbooked = timeline(report, 1);
        assertThat(overbooked.takenAtMs()).containsExactly(100L, 250L, 300L);
        assertThat(overbooked.capacity()).isEqualTo(2);
        assertThat(overbooked.filledAtMs()).isEqualTo(250L);
        assertThat(overbooked.overCapacityAtMs()).isEqualTo(300L);
        assertThat(overbooked.label()).isEqualTo("mon 18:00 2강의실");

        SeatTimeline free = timeline(report, 2);
        assertThat(free.takenAtMs()).containsExactly(1540L);
        assertThat(free.filledAtMs()).isNull();
        assertThat(free.overCapacityAtMs()).isNull();

        assertThat(timeline(report, 11).filledAtMs()).isEqualTo(1620L);
        assertThat(timeline(report, 10).takenAtMs()).isEmpty();
    }

    @Test
    void answersAreCountedPerSecondAfterTheFirstAttemptWasSentWithTheirLatency() {
        ClinicReport report = report(ledger(), OVERBOOKED, Map.of("seed", "42"));

        ClinicReport.AnswersOverTime answers = report.answers();
        assertThat(answers.openedAtEpochMs()).isEqualTo(OPENING.toEpochMilli());
        assertThat(answers.seconds()).isEqualTo(4);
        assertThat(answers.counts())
                .containsOnlyKeys(RejectionReason.RESERVED, RejectionReason.OCCUPIED, RejectionReason.SERVER_ERROR);
        assertThat(answers.counts().get(RejectionReason.RESERVED)).containsExactly(3, 2, 0, 0);
        assertThat(answers.counts().get(RejectionReason.OCCUPIED)).containsExactly(1, 0, 0, 0);
        assertThat(answers.counts().get(RejectionReason.SERVER_ERROR)).containsExactly(0, 0, 0, 1);
        assertThat(answers.latencyMs().get(0).max()).isEqualTo(300);
        assertThat(answers.latencyMs().get(0).p50()).isEqualTo(250);
        assertThat(answers.latencyMs().get(2)).isNull();
        assertThat(answers.latencyMs().get(3).p95()).isEqualTo(700);
    }

    @Test
    void theWeekGridHasEveryClinicWithItsStateByDayTimeAndRoomNumber() {
        ClinicReport report = report(ledger(), OVERBOOKED, Map.of("seed", "42"));

        assertThat(report.week().days()).extracting(ClinicReport.Day::name).containsExactly("월요일", "화요일");
        assertThat(report.week().times()).containsExactly("18:00", "19:00", "20:00");
        assertThat(report.week().clinics())
                .extracting(GridClinic::day, GridClinic::room, GridClinic::taken, GridClinic::state)
                .containsExactly(
                        tuple("mon", "2강의실", 3, ClinicState.OVER_CAPACITY),
                        tuple("mon", "4강의실", 0, ClinicState.NOT_VISIBLE),
                        tuple("mon", "10강의실", 1, ClinicState.FREE),
                        tuple("mon", "3강의실", 1, ClinicState.FULL),
                        tuple("tue", "1강의실", 0, ClinicState.FREE));
    }

    @Test
    void everyStudentHasTriesSeatsWonRefusalsByReasonAndTheClinicsHeld() {
        ClinicReport report = report(ledger(), OVERBOOKED, Map.of("seed", "42"));

        assertThat(report.students())
                .extracting(StudentRow::student)
                .containsExactly(
                        "test_student_01", "test_student_02", "test_student_03", "test_student_04", "test_student_05");
        StudentRow second = report.students().get(1);
        assertThat(second.tries()).isEqualTo(2);
        assertThat(second.reserved()).isEqualTo(1);
        assertThat(second.refusals()).containsExactly(Map.entry(RejectionReason.SERVER_ERROR, 1));
        assertThat(second.finalClinics()).containsExactly(1L);
        assertThat(second.attempts())
                .containsExactly(
                        new ClinicReport.Try(1, RejectionReason.RESERVED, 250, 250, ""),
                        new ClinicReport.Try(2, RejectionReason.SERVER_ERROR, 3200, 700, ""));
        StudentRow fourth = report.students().get(3);
        assertThat(fourth.refusals()).containsExactly(Map.entry(RejectionReason.OCCUPIED, 1));
        assertThat(fourth.finalClinics()).containsExactly(11L);
        StudentRow notLoggedIn = report.students().get(4);
        assertThat(notLoggedIn.tries()).isZero();
        assertThat(notLoggedIn.trouble()).isEqualTo("로그인 실패");
    }

    @Test
    void theVerdictGroupsEveryFindingByKindAndFailsWithTheAudit() {
        ClinicReport report = report(ledger(), OVERBOOKED, Map.of("seed", "42"));

        ClinicReport.Verdict verdict = report.verdict();
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.violations())
                .extracting(ClinicReport.FindingGroup::kind)
                .containsExactly(Kind.OVER_CAPACITY, Kind.CLINIC_NOT_VISIBLE, Kind.TECHNICAL_FAILURES);
        assertThat(verdict.violations().get(0).messages())
                .containsExactly("clinic 1 (mon 18:00 2강의실) holds 3 students for a capacity of 2");
        assertThat(verdict.violations().get(0).meaning()).isEqualTo("정원 초과 예약");
        assertThat(verdict.warnings())
                .extracting(ClinicReport.FindingGroup::kind)
                .containsExactly(Kind.SAME_TIME_CLINICS);
        assertThat(verdict.rules())
                .containsExactly(
                        new ClinicReport.RuleLine(
                                "✅", "노쇼 차단 (no_show ≥ 2)", "대상 1, 시도 3건 → no_show_blocked 3건", RuleCheck.Outcome.HELD),
                        new ClinicReport.RuleLine(
                                "⚠️",
                                "다른 학생 명의 예약",
                                "대상 2, 시도 2건 → forbidden 0건 (보안 경고: -DstrictSecurity=true 이면 실패)",
                                RuleCheck.Outcome.WARNED));
        assertThat(verdict.checks())
                .extracting(ClinicReport.Check::label, ClinicReport.Check::passed)
                .containsExactly(
                        tuple("로그인 실패 없음", false),
                        tuple("스케줄 조회 실패 없음", true),
                        tuple("최종 상태 감사 통과", false),
                        tuple("예약 응답시간 p95 < 1000 ms", true));
        assertThat(report.run().correctRefusals()).isEqualTo(1);
        assertThat(report.run().technicalFailures()).isEqualTo(1);
    }

    @Test
    void theRepeatCommandHasTheSeedAndEveryOptionThatIsNotTheDefault() {
        ClinicReport report = report(
                ledger(),
                OVERBOOKED,
                Map.of("seed", "42", "faults", "overbook", "students", "30", "pauseMax", "2.0", "profile", "ramp"));

        assertThat(report.run().repeatCommand())
                .isEqualTo(
                        "mvn gatling:test -Dstudents=30 -Dprofile=ramp -DrampSeconds=10.0 -Ddays=mon,tue -Dfaults=overbook "
                                + "-Dseed=42");
        assertThat(report.run().seed()).isEqualTo(42);
        assertThat(report.run().target()).isEqualTo("내장 reference server (embedded)");
    }

    @Test
    void aRunWithoutAttemptsHasNoSecondsAndNoSeatsTaken() {
        RunLedger ledger = new RunLedger();
        ledger.add(new Login("test_student_05", null, "login refused: HTTP 401", 401, 20, "{}", OPENING));

        ClinicReport report = report(ledger, new Verdict(List.of(), List.of()), Map.of("seed", "42"));

        assertThat(report.answers().seconds()).isZero();
        assertThat(report.answers().openedAtEpochMs()).isNull();
        assertThat(report.seats())
                .allSatisfy(timeline -> assertThat(timeline.takenAtMs()).isEmpty());
        assertThat(report.students())
                .filteredOn(row -> row.trouble() != null)
                .extracting(StudentRow::student, StudentRow::tries, StudentRow::trouble)
                .containsExactly(tuple("test_student_05", 0, "로그인 실패"));
    }

    private static SeatTimeline timeline(ClinicReport report, long clinicId) {
        return report.seats().stream()
                .filter(timeline -> timeline.clinicId() == clinicId)
                .findFirst()
                .orElseThrow();
    }
}
