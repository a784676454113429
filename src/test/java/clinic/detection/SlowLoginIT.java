package clinic.detection;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FaultMode;
import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.simulation.output.RunSummary;
import clinic.simulation.output.RunSummary.Step;
import clinic.simulation.output.RunSummary.StepName;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A backend whose logins take as long as a Django backend's at the opening rush (the slow-login fault:
 * every login past 10 s). With the default request timeout the slow logins are measured, not failed; with
 * the 10 s the harness once had, nobody logs in and the console says so first, naming the timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowLoginIT {

    private static final long SEED = 7;

    private ReferenceServer server;
    private Path results;

    @BeforeAll
    void startTheSlowServer() {
        server = ReferenceServer.start(DetectionRuns.serverConfig().withFaults(Set.of(FaultMode.SLOW_LOGIN)));
        results = DetectionRuns.directory().resolve("runs").resolve("slow-login");
    }

    @BeforeEach
    void freshFixture() {
        server.loadFixture(FixtureSpec.standard());
    }

    @AfterAll
    void stopTheServer() {
        server.close();
    }

    private static Step step(RunSummary summary, StepName name) {
        return summary.steps().stream()
                .filter(step -> step.name() == name)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void withTheDefaultTimeoutEveryStudentLogsInAndTheRunPasses() {
        LoadTestRun run = LoadTestRun.against(server.baseUrl(), SEED, results);

        RunSummary summary = run.summary();
        assertThat(run.succeeded()).as(run.describe() + ": " + summary.brief()).isTrue();
        assertThat(summary.students().loggedIn()).isEqualTo(20);
        assertThat(step(summary, StepName.LOGIN).latencyMs().p50())
                .as("every login took longer than 10 s")
                .isGreaterThan(10_000);
        assertThat(summary.audit().passed()).isTrue();
        assertThat(summary.audit().violations()).isEmpty();
    }

    @Test
    void withATenSecondTimeoutNobodyLogsInAndTheConsoleSaysWhyFirst() {
        LoadTestRun run = LoadTestRun.against(server.baseUrl(), SEED, results, Map.of("requestTimeoutSeconds", "10"));

        RunSummary summary = run.summary();
        assertThat(run.assertionsFailed()).as(run.describe()).isTrue();
        assertThat(summary.students().loggedIn()).isZero();
        assertThat(summary.diagnosis().headline())
                .isEqualTo(
                        "❌ 로그인한 학생이 없어 예약 부하가 실행되지 않았습니다: 로그인 실패 20/20: 요청 시간 초과 20 " + "(requestTimeoutSeconds=10)");
        assertThat(summary.diagnosis().hints()).anyMatch(hint -> hint.startsWith("💡 요청 시간 초과 20건"));
    }
}
