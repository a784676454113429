package clinic.simulation.target;

import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.server.ServerConfig;
import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.audit.ExpectedClinic;
import clinic.simulation.options.SimulationOptions;
import clinic.simulation.scenario.ClinicRequests;
import clinic.simulation.scenario.StudentAccount;
import clinic.simulation.target.TargetClient.Answer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend, ready for the load: started in-process (embedded reference server) or prepared by
 * setupCommand, checked reachable, with the BEFORE snapshot of its schedule. Closing it stops the
 * embedded server.
 *
 * @param server          null for an external backend
 * @param expectedClinics what the setup made, which the final schedule must show
 * @param before          the schedule before any load, read as a fixture student
 */
public record PreparedTarget(
        String baseUrl, ReferenceServer server, List<ExpectedClinic> expectedClinics, ScheduleSnapshot before)
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedTarget.class);

    /** The load cannot start (unreachable, no clinics, setup failed): the message is the original tool's. */
    public static final class NotReadyException extends IllegalStateException {
        NotReadyException(String message) {
            super(message);
        }

        NotReadyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Throws {@link NotReadyException} with the original tool's message when the load cannot start. */
    public static PreparedTarget prepare(SimulationOptions options, StudentAccount snapshotStudent) {
        ReferenceServer server = null;
        try {
            String baseUrl;
            List<ExpectedClinic> expected;
            if (options.embedded()) {
                server = startEmbedded(options);
                baseUrl = server.baseUrl();
                expected = server.fixtureReport().clinics().stream()
                        .map(clinic -> new ExpectedClinic(clinic.id(), clinic.day(), clinic.time(), clinic.room()))
                        .toList();
            } else {
                if (options.setupCommand() != null) {
                    LOG.info("setupCommand: {}", options.setupCommand());
                    runSetupCommand(options.setupCommand(), options.setupTimeoutSeconds());
                }
                baseUrl = options.baseUrl();
                expected = ExpectedClinic.fromClinicsFile();
            }
            TargetClient api = new TargetClient(baseUrl);
            checkReachable(api, options);
            ScheduleSnapshot before = snapshot(api, snapshotStudent, options);
            return new PreparedTarget(baseUrl, server, expected, before);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    private static ReferenceServer startEmbedded(SimulationOptions options) {
        ServerConfig config = ServerConfig.defaults()
                .withPasswordIterations(options.passwordIterations())
                .withFaults(options.faults())
                .withFixture(new FixtureSpec(true, options.reset(), options.capacity(), options.students(), true));
        ReferenceServer server = ReferenceServer.start(config);
        LOG.info(
                "embedded reference server at {} (faults: {})",
                server.baseUrl(),
                options.faults().isEmpty() ? "none" : options.faults());
        return server;
    }

    private static void checkReachable(TargetClient api, SimulationOptions options) {
        String failure;
        try {
            Answer health = api.get(ClinicRequests.HEALTH, null);
            if (health.status() == 200) {
                return;
            }
            api.get(ClinicRequests.WEEKLY_SCHEDULE, null);
            return;
        } catch (IOException e) {
            failure = cause(e);
        }
        String server = options.embedded() ? "내장 reference server" : "백엔드 서버 (Django: python manage.py runserver)";
        throw new NotReadyException("❌ 백엔드 서버 연결 실패: " + api.url(ClinicRequests.HEALTH) + " (" + failure + ")\n"
                + "   - " + server + "가 " + api.url("") + " 에서 실행 중인지 확인하세요\n"
                + "   - -DbaseUrl 의 호스트, 포트, /api 경로를 확인하세요\n"
                + "   - 방화벽 설정 확인");
    }

    private static ScheduleSnapshot snapshot(TargetClient api, StudentAccount student, SimulationOptions options) {
        try {
            LoginAnswer login = login(api, student);
            if (!login.ok()) {
                api.post(ClinicRequests.REGISTER, student.registrationPayload());
                login = login(api, student);
            }
            if (!login.ok()) {
                throw new NotReadyException("❌ 로그인 실패: " + student.username() + " (" + login.failure() + ")\n"
                        + "   - 테스트 학생 계정이 있는지 확인하세요 (Django: python manage.py setup_test_students, "
                        + "또는 -DsetupCommand=...)\n"
                        + "   - 데이터베이스 연결 상태와 Django migrations 실행 여부를 확인하세요");
            }
            Answer answer = api.get(ClinicRequests.WEEKLY_SCHEDULE, login.token());
            if (answer.status() != 200) {
                throw new NotReadyException(
                        "❌ 주간 스케줄 조회 실패: HTTP " + answer.status() + " " + SimulationJson.quote(answer.body()));
            }
            ScheduleSnapshot schedule = parseSchedule(answer.body());
            if (schedule.on(options.day()).isEmpty()) {
                throw new NotReadyException(noClinicMessage(options));
            }
            return schedule;
        } catch (IOException e) {
            throw new NotReadyException("❌ 백엔드 서버 연결 실패 while reading the BEFORE snapshot: " + cause(e), e);
        }
    }

    private static ScheduleSnapshot parseSchedule(String body) {
        try {
            return ScheduleSnapshot.parse(body);
        } catch (IllegalArgumentException e) {
            throw new NotReadyException("❌ 주간 스케줄을 읽을 수 없습니다: " + e.getMessage(), e);
        }
    }

    /**
     * The first message in the cause chain. The JDK client's ConnectException often has none at all (a
     * refused connection on loopback), so that case is spelled out rather than left as a class name.
     */
    static String cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return "ConnectException: connection refused (nothing listens on that host and port)";
            }
        }
        return failure.getClass().getSimpleName();
    }

    static String noClinicMessage(SimulationOptions options) {
        String how = options.embedded()
                ? "   - 내장 서버의 고정 클리닉은 월요일 8개입니다: -Dday=mon 으로 실행하세요 (-Dcapacity=6 -Dreset=true)"
                : "   - 백엔드에서 클리닉을 만드세요: python manage.py setup_test_clinics --reset\n"
                        + "     (reference server: java -jar target/clinic-load-0.1.0-SNAPSHOT-server.jar "
                        + "setup-test-clinics --reset --db <jdbc url>), 또는 -DsetupCommand=\"...\"";
        return "❌ " + options.day().koreanName() + "에 예약 가능한 클리닉이 없습니다\n" + how;
    }

    private static LoginAnswer login(TargetClient api, StudentAccount student) throws IOException {
        Answer answer = api.post(ClinicRequests.LOGIN, student.loginPayload());
        return LoginAnswer.classify(answer.status(), answer.body());
    }

    /** Runs the external backend's preparation (e.g. its fixture commands) before the load, bounded in time. */
    private static void runSetupCommand(String command, int timeoutSeconds) {
        Process process;
        try {
            process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        } catch (IOException e) {
            throw new NotReadyException("❌ setupCommand could not start: " + command + " (" + e.getMessage() + ")", e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new NotReadyException("❌ setupCommand did not finish within " + timeoutSeconds
                        + " s (raise -DsetupTimeoutSeconds): " + command);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NotReadyException("❌ interrupted while waiting for setupCommand: " + command, e);
        }
        if (process.exitValue() != 0) {
            throw new NotReadyException("❌ setupCommand failed with exit code " + process.exitValue() + ": " + command);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
