package clinic.server.api;

import static clinic.server.api.FaultyServers.login;
import static clinic.server.api.FaultyServers.openClinic;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.ClinicDay;
import clinic.contract.Field;
import clinic.server.FaultMode;
import clinic.server.ReferenceServer;
import clinic.testsupport.ApiClient;
import clinic.testsupport.ClinicDatabase;
import clinic.testsupport.CommandLineRun;
import clinic.testsupport.ServerProcess;
import clinic.testsupport.TestServer;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The faults seen in the schedule, in the answers and in the latency, observed over HTTP. */
class ScheduleErrorAndLatencyFaultsTest {

    /** Well above the default delay, so that a server that ignored the option answers sooner. */
    private static final Duration SLOW_DELAY = Duration.ofMillis(3 * FaultMode.SLOW_DELAY.toMillis());

    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    @Test
    void hiddenClinicsLeavesOutTheClinicsListAndKeepsTheGrid() {
        try (ReferenceServer server = FaultyServers.start(Set.of(FaultMode.HIDDEN_CLINICS))) {
            ApiClient api = new ApiClient(server.baseUrl());
            TestStudent student = login(api, "test_student_01");

            JsonNode schedule = api.weeklySchedule(student.token()).expect(200);

            assertThat(schedule.has(Field.CLINICS)).isFalse();
            assertThat(schedule.path(Field.SCHEDULE)
                            .path(ClinicDay.MON.key())
                            .path("18:00")
                            .path(Field.CLINIC_ID)
                            .asLong())
                    .isEqualTo(openClinic(server));
        }
    }

    /**
     * Server-errors counts only the requests that reach their seat: a request refused as forbidden is not
     * one of them, so the next request is still the first.
     */
    @Test
    void serverErrorsFailsTheFirstAndFifthRequestPastTheForbiddenCheck() {
        try (ReferenceServer server = FaultyServers.start(Set.of(FaultMode.SERVER_ERRORS))) {
            ApiClient api = new ApiClient(server.baseUrl());
            ClinicDatabase sql = new ClinicDatabase(server.dataSource());
            TestStudent caller = login(api, "test_student_01");
            TestStudent other = login(api, "test_student_02");
            long clinic = openClinic(server);

            api.reserve(caller.token(), other.id(), clinic).expect(403);
            assertThat(api.reserve(caller.token(), caller.id(), clinic)
                            .expect(500)
                            .path(Field.ERROR)
                            .asText())
                    .endsWith(FaultMode.INJECTED_ERROR_DETAIL);
            assertThat(sql.reservationRows(clinic)).isZero();
            api.reserve(caller.token(), caller.id(), clinic).expect(200);
        }
    }

    /** The delay is a sleep before the request is processed, so the answer cannot come sooner. */
    @Test
    void slowWaitsTheDelayServeIsStartedWith() {
        try (ServerProcess server = ServerProcess.serve(
                START_DEADLINE,
                "--port",
                "0",
                "--password-iterations",
                Integer.toString(TestServer.TEST_PASSWORD_ITERATIONS),
                "--setup-clinics",
                "--setup-students",
                "1",
                "--fault",
                FaultMode.SLOW.flag(),
                "--slow-ms",
                Long.toString(SLOW_DELAY.toMillis()))) {
            ApiClient api = new ApiClient(server.baseUrl());
            TestStudent student = login(api, "test_student_01");
            long clinic = api.weeklySchedule(student.token())
                    .expect(200)
                    .path(Field.CLINICS)
                    .path(0)
                    .path(Field.CLINIC_ID)
                    .asLong();

            long started = System.nanoTime();
            api.reserve(student.token(), student.id(), clinic).expect(200);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isGreaterThanOrEqualTo(SLOW_DELAY);
        }
    }

    @Test
    void serveHelpListsTheSlowDelay() {
        CommandLineRun help = CommandLineRun.of("serve", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--slow-ms", "--fault slow");
    }
}
