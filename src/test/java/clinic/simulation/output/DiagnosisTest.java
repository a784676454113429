package clinic.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.answers.NoAnswer;
import clinic.simulation.answers.RegistrationAnswer;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.audit.RunLedger.Login;
import clinic.simulation.audit.RunLedger.Registration;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.audit.RunLedger.ScheduleRead;
import clinic.simulation.options.RunOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's diagnosis, from ledgers of the runs users met: every step's failures and what to do. */
class DiagnosisTest {

    private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");
    private static final RunOptions TEN_SECOND_TIMEOUT =
            RunOptions.parse(Map.of("seed", "1", "requestTimeoutSeconds", "10"));

    private static RunSummary summary(RunOptions options, RunLedger ledger) {
        return RunSummary.of(options, ledger, Duration.ofSeconds(30), 20, null, "no final schedule");
    }

    @Test
    void whenEveryLoginTimesOutTheConsoleSaysSoFirstAndNamesTheTimeout() {
        RunLedger ledger = new RunLedger();
        for (int n = 1; n <= 20; n++) {
            String student = String.format("test_student_%02d", n);
            ledger.add(new Registration(
                    student,
                    RegistrationAnswer.classify(400, "{\"username\":[\"해당 사용자 이름은 이미 존재합니다.\"]}"),
                    400,
                    30,
                    "{}",
                    T0));
            LoginAnswer timedOut = LoginAnswer.none(NoAnswer.after(10_002, Duration.ofSeconds(10)));
            ledger.add(new Login(student, null, timedOut.failure(), null, 10_002, null, T0));
        }

        String console = ConsoleSummary.render(summary(TEN_SECOND_TIMEOUT, ledger));

        assertThat(console.lines().skip(3).findFirst())
                .hasValue("❌ 로그인한 학생이 없어 예약 부하가 실행되지 않았습니다: 로그인 실패 20/20: 요청 시간 초과 20 " + "(requestTimeoutSeconds=10)");
        assertThat(console)
                .contains(
                        "  • 등록: 20/20 성공\n",
                        "  • 로그인 실패 20/20: 요청 시간 초과 20 (requestTimeoutSeconds=10)\n",
                        "  • 스케줄 조회: 요청 없음\n",
                        "  • 예약: 요청 없음\n",
                        "💡 요청 시간 초과 20건: 백엔드가 10초 안에 답하지 않았습니다.")
                .doesNotContain("실패 없음");
    }

    @Test
    void aLoginThatGotNoAnswerBeforeTheTimeoutIsAConnectionFailure() {
        assertThat(NoAnswer.after(40, Duration.ofSeconds(10))).isEqualTo(NoAnswer.CONNECTION_FAILED);
        assertThat(NoAnswer.after(9_950, Duration.ofSeconds(10))).isEqualTo(NoAnswer.TIMED_OUT);
    }

    @Test
    void aBackendStillHoldingTheLastRunsReservationsSaysHowToResetIt() {
        RunLedger ledger = new RunLedger();
        ledger.add(new Login("test_student_01", 9L, null, 200, 30, null, T0));
        ledger.add(new ScheduleRead("test_student_01", null, 200, 15, null, T0));
        RejectionReason[] answers = {
            RejectionReason.ALREADY_RESERVED, RejectionReason.ALREADY_RESERVED, RejectionReason.OCCUPIED
        };
        for (int i = 0; i < answers.length; i++) {
            ledger.add(new ReservationAttempt(
                    "test_student_01", 9, i + 1, new ReservationAnswer(answers[i], ""), 400, 20, "{}", T0));
        }
        RunOptions external = RunOptions.parse(Map.of("baseUrl", "http://127.0.0.1:8000/api"));

        RunSummary summary = summary(external, ledger);

        assertThat(summary.diagnosis().headline()).isNull();
        assertThat(summary.diagnosis().hints())
                .singleElement()
                .asString()
                .startsWith("💡 이전 실행의 예약이 백엔드에 남아 있습니다 (성공 0, ALREADY_RESERVED 2/3): 클리닉을 "
                        + "초기화한 뒤 다시 실행하세요: python manage.py setup_test_clinics --reset");
        assertThat(ConsoleSummary.render(summary))
                .contains("  • 예약 거절 3/3: 이미 해당 클리닉에 예약되어 있습니다 (ALREADY_RESERVED) 2, occupied (OCCUPIED) 1\n");
    }

    @Test
    void aRunWithoutFailuresHasNoHint() {
        RunLedger ledger = new RunLedger();
        ledger.add(new Login("test_student_01", 9L, null, 200, 30, null, T0));
        ledger.add(new ReservationAttempt(
                "test_student_01", 9, 1, new ReservationAnswer(RejectionReason.RESERVED, ""), 200, 20, "{}", T0));

        RunSummary summary = summary(TEN_SECOND_TIMEOUT, ledger);

        assertThat(summary.diagnosis()).isEqualTo(new Diagnosis(null, List.of()));
        assertThat(Diagnosis.stepLine(summary.steps().get(3), 10)).isEqualTo("예약: 1/1 성공");
    }
}
