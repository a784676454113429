package clinic.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import clinic.testsupport.ApiClient;
import clinic.testsupport.ClinicDatabase;
import clinic.testsupport.CommandLineRun;
import clinic.testsupport.ContractText;
import clinic.testsupport.DatabaseKind;
import clinic.testsupport.TestDatabase;
import clinic.testsupport.TestServer;
import clinic.testsupport.TestStudent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What cannot work fails fast and clearly: the in-process start throws one readable message, and the
 * command line ends with a non-zero exit code and exactly one line on stderr, never a stack trace. Every
 * command-line run here is bounded in time, because a {@code serve} that wrongly started would block.
 */
class StartupFailureTest {

    /** Nothing listens on port 1; the driver is told to give up quickly. */
    private static final String UNREACHABLE_POSTGRES =
            "jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=2";

    private static final String SCRATCH_H2 = "jdbc:h2:mem:startup_failure";
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(30);

    @Test
    void startOnATakenPortThrowsNamingThePort() {
        try (TestServer running = TestServer.start(DatabaseKind.H2, c -> c)) {
            int port = running.server().port();
            assertThatThrownBy(
                            () -> ReferenceServer.start(ServerConfig.defaults().withPort(port)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(port));
        }
    }

    @Test
    void startOnAnUnreachableDatabaseThrowsNamingIt() {
        assertTimeoutPreemptively(
                COMMAND_DEADLINE,
                () -> assertThatThrownBy(() ->
                                ReferenceServer.start(ServerConfig.defaults().withJdbcUrl(UNREACHABLE_POSTGRES)))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("127.0.0.1:1"));
    }

    @Test
    void startWithAnUnsupportedDatabaseUrlThrowsNamingIt() {
        assertThatThrownBy(() -> ReferenceServer.start(ServerConfig.defaults().withJdbcUrl("jdbc:mysql://127.0.0.1/x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc:mysql");
    }

    /** Command lines that must be refused, and a word the one error line must contain. */
    static List<Arguments> refusedCommandLines() {
        return List.of(
                Arguments.of(List.of(), "command"),
                Arguments.of(List.of("no-such-command"), "no-such-command"),
                Arguments.of(List.of("setup-test-clinics", "--bogus", "--db", SCRATCH_H2), "--bogus"),
                Arguments.of(List.of("setup-test-clinics"), "--db"),
                Arguments.of(List.of("setup-test-clinics", "--capacity", "abc", "--db", SCRATCH_H2), "--capacity"),
                Arguments.of(List.of("setup-test-clinics", "--capacity", "0", "--db", SCRATCH_H2), "--capacity"),
                Arguments.of(List.of("setup-test-students", "--count", "-1", "--db", SCRATCH_H2), "--count"),
                Arguments.of(List.of("setup-test-students", "--count", "many", "--db", SCRATCH_H2), "--count"),
                Arguments.of(
                        List.of("setup-test-students", "--password-iterations", "0", "--db", SCRATCH_H2),
                        "--password-iterations"),
                Arguments.of(List.of("setup-test-clinics", "--db", UNREACHABLE_POSTGRES), "127.0.0.1:1"),
                Arguments.of(List.of("setup-test-students", "--db", "jdbc:mysql://127.0.0.1/x"), "jdbc:mysql"),
                Arguments.of(List.of("serve", "--fault", "nonsense"), "nonsense"),
                Arguments.of(List.of("serve", "--port", "70000"), "70000"),
                Arguments.of(List.of("serve", "--rate-limit", "-1"), "-1"),
                Arguments.of(List.of("serve", "--password-iterations", "0"), "iterations"),
                Arguments.of(List.of("serve", "--capacity", "3"), "--setup-clinics"),
                Arguments.of(List.of("serve", "--setup-students", "-3"), "--setup-students"),
                Arguments.of(List.of("serve", "--setup-students", "0"), "--setup-students"),
                Arguments.of(List.of("serve", "--setup-students", "100001"), "--setup-students"),
                Arguments.of(List.of("serve", "--setup-clinics", "--capacity", "0"), "--capacity"),
                Arguments.of(List.of("serve", "--setup-clinics", "--capacity", "10001"), "--capacity"),
                Arguments.of(List.of("serve", "--port", "-1"), "--port"),
                Arguments.of(List.of("serve", "--rate-limit", "10001"), "--rate-limit"),
                Arguments.of(List.of("serve", "--rate-window-seconds", "0"), "--rate-window-seconds"),
                Arguments.of(
                        List.of("serve", "--rate-window-seconds", String.valueOf(Long.MAX_VALUE)),
                        "--rate-window-seconds"),
                Arguments.of(List.of("serve", "--password-iterations", "2000000000"), "--password-iterations"),
                Arguments.of(List.of("setup-test-clinics", "--capacity", "10001", "--db", SCRATCH_H2), "--capacity"),
                Arguments.of(List.of("serve", "--days", "tue"), "--setup-clinics"),
                Arguments.of(List.of("serve", "--setup-clinics", "--rooms", "0"), "--rooms"),
                Arguments.of(List.of("serve", "--setup-clinics", "--times", "18:00,25:00"), "'25:00' is not a time"),
                Arguments.of(List.of("serve", "--setup-clinics", "--days", "mon,someday"), "unknown day 'someday'"),
                Arguments.of(List.of("setup-test-clinics", "--rooms", "51", "--db", SCRATCH_H2), "--rooms"),
                Arguments.of(List.of("setup-test-students", "--count", "100001", "--db", SCRATCH_H2), "--count"),
                Arguments.of(
                        List.of("setup-test-students", "--password-iterations", "10000001", "--db", SCRATCH_H2),
                        "--password-iterations"),
                Arguments.of(List.of("serve", "--port", "0", "--db", UNREACHABLE_POSTGRES), "127.0.0.1:1"),
                Arguments.of(List.of("serve", "--slow-ms", "20"), "--fault slow"),
                Arguments.of(List.of("serve", "--fault", "overbook", "--slow-ms", "20"), "--fault slow"),
                Arguments.of(List.of("serve", "--fault", "slow", "--slow-ms", "0"), "--slow-ms"),
                Arguments.of(List.of("serve", "--fault", "slow", "--slow-ms", "60001"), "--slow-ms"),
                Arguments.of(List.of("serve", "--fault", "slow", "--slow-ms", "fast"), "--slow-ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCommandLines")
    void refusedCommandLineExitsNonZeroWithOneClearLine(List<String> args, String mentioned) {
        CommandLineRun run =
                assertTimeoutPreemptively(COMMAND_DEADLINE, () -> CommandLineRun.of(args.toArray(String[]::new)));
        assertOneClearErrorLine(run, mentioned);
    }

    @Test
    void serveOnATakenPortExitsNonZeroWithOneClearLine() {
        try (TestServer running = TestServer.start(DatabaseKind.H2, c -> c)) {
            String port = String.valueOf(running.server().port());
            CommandLineRun run = assertTimeoutPreemptively(
                    COMMAND_DEADLINE,
                    () -> CommandLineRun.of("serve", "--port", port, "--password-iterations", "1000"));
            assertOneClearErrorLine(run, port);
        }
    }

    @Test
    void serveWithResetOnATakenPortLeavesTheRunningServersDataAlone() {
        try (TestDatabase database = TestDatabase.createShared(DatabaseKind.H2);
                ReferenceServer running =
                        ReferenceServer.start(TestServer.baseConfig(database).withFixture(FixtureSpec.standard()))) {
            ApiClient api = new ApiClient(running.baseUrl());
            ClinicDatabase sql = new ClinicDatabase(running.dataSource());
            TestStudent student = api.logIn("test_student_01", ContractText.FIXTURE_PASSWORD);
            long clinicId = running.fixtureReport().clinics().get(0).id();
            api.reserve(student.token(), student.id(), clinicId).expect(200);
            Map<String, Long> before = sql.rowCountsOfEveryTable();

            String port = String.valueOf(running.port());
            CommandLineRun run = assertTimeoutPreemptively(
                    COMMAND_DEADLINE,
                    () -> CommandLineRun.of(
                            "serve",
                            "--port",
                            port,
                            "--db",
                            database.jdbcUrl(),
                            "--setup-clinics",
                            "--reset",
                            "--password-iterations",
                            "1000"));

            assertOneClearErrorLine(run, port);
            assertThat(sql.rowCountsOfEveryTable()).isEqualTo(before);
            assertThat(sql.reservationRows(clinicId)).isEqualTo(1);
        }
    }

    /** H2 would write commits to its file up to 500 ms after they were answered: refused, not served. */
    @Test
    void serveRefusesAnH2FileWhoseCommitsWouldReachTheFileLate(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("clinic") + ";WRITE_DELAY=500";
        CommandLineRun run = assertTimeoutPreemptively(
                COMMAND_DEADLINE, () -> CommandLineRun.of("serve", "--port", "0", "--db", url));
        assertOneClearErrorLine(run, "WRITE_DELAY=500");
    }

    /** Double-click drops a unique constraint: never on a database that outlives the server. */
    @Test
    void serveRefusesDoubleClickOnADatabaseThatOutlivesTheServer(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("clinic");
        CommandLineRun run = assertTimeoutPreemptively(
                COMMAND_DEADLINE,
                () -> CommandLineRun.of("serve", "--port", "0", "--fault", "double-click", "--db", url));
        assertOneClearErrorLine(run, "double-click");
    }

    private static void assertOneClearErrorLine(CommandLineRun run, String mentioned) {
        assertThat(run.exitCode()).as("%s", run).isNotZero();
        assertThat(run.errLines()).as("%s", run).hasSize(1);
        assertThat(run.errLines().get(0)).as("%s", run).contains(mentioned);
        assertThat(run.out() + run.err()).as("%s", run).doesNotContain("\tat ", "Exception:", "Caused by");
    }
}
