package clinic.simulation;

import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.server.ServerConfig;
import clinic.simulation.ClinicApiClient.Answer;
import java.io.IOException;
import java.util.List;
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
        String baseUrl, ReferenceServer server, List<ExpectedClinic> expectedClinics, WeeklySchedule before)
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedTarget.class);

    static final String HEALTH = "/health/";
    static final String REGISTER = "/auth/register/";
    static final String LOGIN = "/auth/login/";
    static final String WEEKLY_SCHEDULE = "/clinics/weekly-schedule/";
    static final String RESERVE = "/clinics/reserve/";

    /** Throws {@link TargetNotReadyException} with the original tool's message when the load cannot start. */
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
                    SetupCommand.run(options.setupCommand(), options.setupTimeoutSeconds());
                }
                baseUrl = options.baseUrl();
                expected = ClinicsFile.expectedClinics();
            }
            ClinicApiClient api = new ClinicApiClient(baseUrl);
            checkReachable(api, options);
            WeeklySchedule before = snapshot(api, snapshotStudent, options);
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

    private static void checkReachable(ClinicApiClient api, SimulationOptions options) {
        String failure;
        try {
            Answer health = api.get(HEALTH, null);
            if (health.status() == 200) {
                return;
            }
            api.get(WEEKLY_SCHEDULE, null);
            return;
        } catch (IOException e) {
            failure = cause(e);
        }
        String server = options.embedded() ? "내장 reference server" : "백엔드 서버 (Django: python manage.py runserver)";
        throw new TargetNotReadyException("❌ 백엔드 서버 연결 실패: " + api.url(HEALTH) + " (" + failure + ")\n"
                + "   - " + server + "가 " + api.url("") + " 에서 실행 중인지 확인하세요\n"
                + "   - -DbaseUrl 의 호스트, 포트, /api 경로를 확인하세요\n"
                + "   - 방화벽 설정 확인");
    }

    private static WeeklySchedule snapshot(ClinicApiClient api, StudentAccount student, SimulationOptions options) {
        try {
            LoginOutcome login = login(api, student);
            if (!login.ok()) {
                api.post(REGISTER, student.registrationPayload());
                login = login(api, student);
            }
            if (!login.ok()) {
                throw new TargetNotReadyException("❌ 로그인 실패: " + student.username() + " (" + login.failure() + ")\n"
                        + "   - 테스트 학생 계정이 있는지 확인하세요 (Django: python manage.py setup_test_students, "
                        + "또는 -DsetupCommand=...)\n"
                        + "   - 데이터베이스 연결 상태와 Django migrations 실행 여부를 확인하세요");
            }
            Answer answer = api.get(WEEKLY_SCHEDULE, login.token());
            if (answer.status() != 200) {
                throw new TargetNotReadyException(
                        "❌ 주간 스케줄 조회 실패: HTTP " + answer.status() + " " + Abbreviation.of(answer.body()));
            }
            WeeklySchedule schedule = parseSchedule(answer.body());
            if (schedule.on(options.day()).isEmpty()) {
                throw new TargetNotReadyException(noClinicMessage(options));
            }
            return schedule;
        } catch (IOException e) {
            throw new TargetNotReadyException("❌ 백엔드 서버 연결 실패 while reading the BEFORE snapshot: " + cause(e), e);
        }
    }

    private static WeeklySchedule parseSchedule(String body) {
        try {
            return ScheduleParser.parse(body);
        } catch (IllegalArgumentException e) {
            throw new TargetNotReadyException("❌ 주간 스케줄을 읽을 수 없습니다: " + e.getMessage(), e);
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

    private static LoginOutcome login(ClinicApiClient api, StudentAccount student) throws IOException {
        Answer answer = api.post(LOGIN, student.loginPayload());
        return LoginOutcome.classify(answer.status(), answer.body());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
