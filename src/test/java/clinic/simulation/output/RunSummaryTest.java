package clinic.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.audit.ExpectedClinic;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.Finding.Kind;
import clinic.simulation.audit.RuleCheck;
import clinic.simulation.audit.RuleCheck.Outcome;
import clinic.simulation.audit.RuleCheck.Rule;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.audit.RunLedger.AttemptKind;
import clinic.simulation.audit.RunLedger.Login;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.audit.RunLedger.ScheduleRead;
import clinic.simulation.audit.Verdict;
import clinic.simulation.options.RunOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final RunOptions OPTIONS = RunOptions.parse(Map.of("seed", "42"));
    private static final List<Clinic> FINAL_CLINICS = List.of(
            new Clinic(
                    1,
                    "mon",
                    "18:00",
                    "1강의실",
                    "physics1",
                    "테스트강사01",
                    6,
                    6,
                    List.of(new RosterStudent(9, "테스트학생01", "test_student_01"))),
            new Clinic(2, "mon", "18:00", "2강의실", "physics1", "테스트강사02", 6, 4, List.of()));

    private static RunLedger ledger() {
        RunLedger ledger = new RunLedger();
        ledger.add(new Login("test_student_01", 9L, null, 200, 30, "{}", T0));
        ledger.add(new Login("test_student_02", null, "login refused: HTTP 401", 401, 20, "{\"error\":\"x\"}", T0));
        ledger.add(new ScheduleRead("test_student_01", null, 200, 15, "{}", T0));
        ledger.add(new ScheduleRead("test_student_03", "weekly schedule refused: HTTP 500", 500, 12, "oops", T0));
        long[] latencies = {10, 20, 30, 40, 200};
        RejectionReason[] reasons = {
            RejectionReason.RESERVED,
            RejectionReason.RESERVED,
            RejectionReason.OCCUPIED,
            RejectionReason.OCCUPIED,
            RejectionReason.SERVER_ERROR
        };
        for (int i = 0; i < latencies.length; i++) {
            ledger.add(new ReservationAttempt(
                    "test_student_01",
                    9,
                    1 + i % 2,
                    new ReservationAnswer(reasons[i], reasons[i].technical() ? "HTTP 500" : ""),
                    reasons[i] == RejectionReason.SERVER_ERROR ? 500 : 200,
                    latencies[i],
                    "{\"n\":" + i + "}",
                    T0.plusMillis(i)));
        }
        return ledger;
    }

    private static final Verdict FAILED = new Verdict(
            List.of(new Finding(Kind.TECHNICAL_FAILURES, "", "1 reservation attempt(s) failed technically")),
            List.of(),
            List.of(new Finding(
                    Kind.SAME_TIME_CLINICS, "test_student_01 mon 18:00", "test_student_01 holds 2 clinics")),
            List.of(
                    new RuleCheck(Rule.NO_SHOW_BLOCKING, 1, 3, 3, Outcome.HELD),
                    new RuleCheck(Rule.CLOSED_CLINIC, 1, 2, 0, Outcome.BROKEN),
                    new RuleCheck(Rule.DOUBLE_CLICK, 0, 0, 0, Outcome.NOT_PROVOKED),
                    new RuleCheck(Rule.FOREIGN_BOOKING, 2, 2, 0, Outcome.WARNED)));

    private static RunSummary summary() {
        return RunSummary.of(
                OPTIONS,
                ledger(),
                Duration.ofMillis(4210),
                2,
                new FinalStateAudit.Result(new ScheduleSnapshot(FINAL_CLINICS, true), FAILED, 3),
                null);
    }

    @Test
    void countsAndLatenciesComeFromTheLedger() {
        RunSummary summary = summary();

        assertThat(summary.students().loggedIn()).isEqualTo(1);
        assertThat(summary.students().loginFailures()).containsExactly("test_student_02");
        assertThat(summary.students().scheduleFailures()).containsExactly("test_student_03");
        assertThat(summary.reservations().attempts()).isEqualTo(5);
        assertThat(summary.reservations().reserved()).isEqualTo(2);
        assertThat(summary.reservations().failed()).isEqualTo(3);
        assertThat(summary.reservations().successRatePercent()).isEqualTo(40.0);
        assertThat(summary.reservations().byReason())
                .containsEntry(RejectionReason.OCCUPIED, 2)
                .containsEntry(RejectionReason.SERVER_ERROR, 1)
                .containsEntry(RejectionReason.RATE_LIMITED, 0);
        assertThat(summary.latencyMs()).isEqualTo(new Latency(60, 30, 200, 200, 200));
        assertThat(summary.harness().requestsPerSecond())
                .as("2 logins, 2 schedule reads, 5 reservations in 4.21 s")
                .isEqualTo(2.1);
        assertThat(summary.harness().peakHeapMb()).isPositive();
    }

    @Test
    void consoleTextSpeaksLikeTheOriginalTool() {
        String text = ConsoleSummary.render(summary());

        assertThat(text)
                .contains(
                        "⏱️  총 소요 시간: 4.21초\n",
                        "👥 참가 학생 수: 1명 (로그인 1 / 2)\n",
                        "🎯 총 예약 시도: 5회\n",
                        "✅ 성공한 예약: 2회\n",
                        "❌ 실패한 예약: 3회\n",
                        "📈 성공률: 40.0%\n",
                        "⚡ 평균 응답시간: 0.060초 (p95 200 ms, p99 200 ms, 최대 200 ms)\n",
                        "❌ 로그인 실패: test_student_02\n",
                        "❌ 스케줄 조회 실패: test_student_03\n",
                        "🔍 실패 원인 분석:\n"
                                + "  • 등록: 요청 없음\n"
                                + "  • 로그인 실패 1/2: login refused: HTTP 401 1\n"
                                + "  • 스케줄 조회 실패 1/2: weekly schedule refused: HTTP 500 1\n"
                                + "  • 예약 거절 3/5: occupied (OCCUPIED) 2, 서버 오류 (5xx) (SERVER_ERROR): HTTP 500 1\n"
                                + "💡 로그인 거절 (HTTP 401)",
                        "📋 최종 월요일 클리닉 현황:\n"
                                + "  • 18:00 - physics1 (1강의실) - 6/6 🔴 마감\n"
                                + "  • 18:00 - physics1 (2강의실) - 4/6 🟢 2자리\n",
                        "🛡️ 비즈니스 규칙:\n"
                                + "  ✅ 노쇼 차단 (no_show ≥ 2): 대상 1, 시도 3건 → no_show_blocked 3건\n"
                                + "  ❌ 마감된 클리닉: 대상 1, 시도 2건 → reservation_closed 0건\n"
                                + "  ➖ 중복 클릭 (같은 예약 동시 2회): 시도 없음\n"
                                + "  ⚠️ 다른 학생 명의 예약: 대상 2, 시도 2건 → forbidden 0건 (보안 경고: -DstrictSecurity=true 이면 실패)\n"
                                + "❌ 최종 상태 감사: 위반 1건\n   - TECHNICAL_FAILURES: 1 reservation attempt(s) failed technically\n",
                        "   ⚠️  SAME_TIME_CLINICS: test_student_01 holds 2 clinics\n",
                        "🎲 seed: 42");
    }

    @Test
    void auditThatDidNotRunSaysSo() {
        RunSummary summary = RunSummary.of(OPTIONS, ledger(), Duration.ZERO, 2, null, "no final schedule");

        assertThat(ConsoleSummary.render(summary)).contains("❌ 최종 상태 감사: 실행되지 않음 (no final schedule)");
        assertThat(SimulationJson.MAPPER
                        .valueToTree(summary)
                        .path("audit")
                        .path("ran")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void jsonHoldsOptionsCountsLatenciesVerdictAndFinalClinics() {
        JsonNode json = SimulationJson.MAPPER.valueToTree(summary());

        assertThat(json.path("options").path("seed").asLong()).isEqualTo(42);
        assertThat(json.path("reservations").path("byReason").path("OCCUPIED").asInt())
                .isEqualTo(2);
        assertThat(json.path("reservations").path("byReason").size()).isEqualTo(RejectionReason.values().length);
        assertThat(json.path("latencyMs").path("p95").asLong()).isEqualTo(200);
        assertThat(json.path("students").path("scheduleFailures").get(0).asText())
                .isEqualTo("test_student_03");
        assertThat(json.path("audit").path("passed").asBoolean()).isFalse();
        assertThat(json.path("audit").path("violations").get(0).path("kind").asText())
                .isEqualTo("TECHNICAL_FAILURES");
        assertThat(json.path("audit").path("violations").get(0).path("message").asText())
                .isEqualTo("1 reservation attempt(s) failed technically");
        assertThat(json.path("audit").path("warnings").get(0).path("kind").asText())
                .isEqualTo("SAME_TIME_CLINICS");
        assertThat(json.path("audit").path("rules").get(1).path("rule").asText())
                .isEqualTo("CLOSED_CLINIC");
        assertThat(json.path("audit").path("rules").get(1).path("outcome").asText())
                .isEqualTo("BROKEN");
        assertThat(json.path("finalClinics").get(0).path("students").get(0).asText())
                .isEqualTo("test_student_01");
    }

    @Test
    void clinicTestLogListsEveryLoginAndAttemptWithItsAnswer() {
        RunLedger ledger = ledger();
        ledger.add(new ReservationAttempt(
                "test_student_01",
                9,
                2,
                new ReservationAnswer(RejectionReason.ALREADY_RESERVED, ""),
                400,
                11,
                "{}",
                T0.plusMillis(10),
                AttemptKind.SECOND_CLICK,
                "test_student_01"));
        ledger.add(new ReservationAttempt(
                "test_student_01",
                9,
                1,
                new ReservationAnswer(RejectionReason.FORBIDDEN, ""),
                403,
                12,
                "{}",
                T0.plusMillis(11),
                AttemptKind.FOR_ANOTHER_STUDENT,
                "test_student_02"));
        String log = ClinicTestLog.render(ledger, summary(), OPTIONS);

        assertThat(log)
                .contains(
                        "LOGIN test_student_01 OK id=9 HTTP 200 30 ms",
                        "LOGIN test_student_02 ❌ 로그인 실패: login refused: HTTP 401 HTTP 401 20 ms | {\"error\":\"x\"}",
                        "RESERVE test_student_01 (id 9) clinic 1 SERVER_ERROR HTTP 500 200 ms | {\"n\":4}",
                        "RESERVE test_student_01 (id 9) clinic 2 (second click) ALREADY_RESERVED HTTP 400 11 ms",
                        "RESERVE test_student_01 (id 9) clinic 1 (sent by test_student_02) FORBIDDEN HTTP 403 12 ms",
                        "📊 클리닉 예약 부하 테스트 결과");
    }

    @Test
    void theSummaryFileReadsBackAsWritten(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(RunSummary.FILE);
        Files.writeString(file, SimulationJson.write(summary()));

        RunSummary read = RunSummary.read(file);

        assertThat(read.students()).isEqualTo(summary().students());
        assertThat(read.reservations()).isEqualTo(summary().reservations());
        assertThat(read.latencyMs()).isEqualTo(summary().latencyMs());
        assertThat(read.audit()).isEqualTo(summary().audit());
        assertThat(read.finalClinics()).isEqualTo(summary().finalClinics());
        assertThat(((Number) read.options().get("seed")).longValue()).isEqualTo(42);
    }

    @Test
    void theClinicsTheSetupMadeAreSeenOrNotInTheWholeFinalSchedule(@TempDir Path folder) throws Exception {
        List<ExpectedClinic> expected = List.of(
                new ExpectedClinic(1L, "mon", "18:00", "1강의실"), new ExpectedClinic(null, "mon", "19:00", "3강의실"));
        Path file = folder.resolve(RunSummary.FILE);

        RunSummary read = summary().withExpectedClinics(expected, new ScheduleSnapshot(FINAL_CLINICS, true));
        assertThat(read.expectedClinics())
                .containsExactly(
                        new RunSummary.ExpectedClinicSeen(1L, "mon", "18:00", "1강의실", true),
                        new RunSummary.ExpectedClinicSeen(null, "mon", "19:00", "3강의실", false));
        assertThat(summary().withExpectedClinics(expected, null).expectedClinics())
                .extracting(RunSummary.ExpectedClinicSeen::visible)
                .containsExactly(null, null);

        Files.writeString(file, SimulationJson.write(read));
        assertThat(RunSummary.read(file).expectedClinics()).isEqualTo(read.expectedClinics());
    }

    @Test
    void runFolderIsTheOneGatlingIsWriting(@TempDir Path results) throws Exception {
        assertThat(RunFolder.locate(results)).isEqualTo(results);
        Path finished = Files.createDirectories(results.resolve("clinicreservationsimulation-1"));
        Files.writeString(finished.resolve("simulation.log"), "");
        Files.setLastModifiedTime(
                finished.resolve("simulation.log"), java.nio.file.attribute.FileTime.fromMillis(1000));
        Path running = Files.createDirectories(results.resolve("clinicreservationsimulation-2"));
        Files.writeString(running.resolve("simulation.log"), "");
        Files.createDirectories(results.resolve("not-a-run"));

        assertThat(RunFolder.locate(results)).isEqualTo(running);
    }
}
