package clinic.simulation.backend;

import clinic.contract.ClinicDay;
import clinic.contract.Endpoint;
import clinic.server.FixtureClinic;
import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.audit.ExpectedClinic;
import clinic.simulation.backend.TargetClient.Answer;
import clinic.simulation.options.RunOptions;
import clinic.simulation.scenario.StudentAccount;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend, ready for the load: its host confirmed, started in-process (embedded reference server) or
 * prepared by setupCommand, checked to be this API and ready, with the BEFORE snapshot of its schedule.
 * Closing it stops the embedded server.
 *
 * @param embedded the embedded server; null for an external backend
 * @param expectedClinics what the setup made, which the final schedule must show
 * @param before the schedule before any load, read as a fixture student
 * @param seatsHeldBefore seats of the target day already held by the run's students before the load
 * @param closedClinicIds clinics the setup closed (from the options, the embedded fixture, or the schedule
 *     when it shows them), tried like any other
 */
public record PreparedTarget(
        String baseUrl,
        TargetHost host,
        EmbeddedTarget embedded,
        List<ExpectedClinic> expectedClinics,
        ScheduleSnapshot before,
        int seatsHeldBefore,
        List<Long> closedClinicIds)
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedTarget.class);

    /** The setup command's environment variable that holds the run's number of students. */
    public static final String STUDENTS_VARIABLE = "CLINIC_STUDENTS";

    /** How often the health endpoint is asked again while the backend says it is starting. */
    private static final long READINESS_POLL_MILLIS = 200;

    /** The load cannot start (unreachable, not this API, no clinics, setup failed): the message says why. */
    public static final class NotReadyException extends IllegalStateException {
        public NotReadyException(String message) {
            super(message);
        }

        NotReadyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Throws {@link NotReadyException} with the original tool's message when the load cannot start. */
    public static PreparedTarget prepare(RunOptions options, List<StudentAccount> students) {
        if (options.embedded()) {
            EmbeddedTarget embedded = EmbeddedTarget.start(options, students);
            try {
                List<ExpectedClinic> open = embedded.clinics().stream()
                        .filter(FixtureClinic::active)
                        .map(clinic -> new ExpectedClinic(clinic.id(), clinic.day(), clinic.time(), clinic.room()))
                        .toList();
                List<Long> closed = embedded.clinics().stream()
                        .filter(clinic -> !clinic.active())
                        .map(FixtureClinic::id)
                        .toList();
                return ready(options, students, embedded.baseUrl(), null, embedded, open, closed);
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
        TargetHost host =
                TargetHost.confirm(options.target().baseUrl(), options.target().confirmTarget());
        if (options.target().setupCommand() != null) {
            LOG.info("setupCommand: {}", options.target().setupCommand());
            runSetupCommand(
                    options.target().setupCommand(), options.target().setupTimeoutSeconds(), options.students());
        }
        List<ExpectedClinic> expected = options.week().layoutGiven()
                ? ExpectedClinic.of(options.week().layout())
                : ExpectedClinic.fromClinicsFile();
        return ready(
                options,
                students,
                options.target().baseUrl(),
                host,
                null,
                expected,
                options.week().closedClinicIds());
    }

    private static PreparedTarget ready(
            RunOptions options,
            List<StudentAccount> students,
            String baseUrl,
            TargetHost host,
            EmbeddedTarget embedded,
            List<ExpectedClinic> expected,
            List<Long> closedClinicIds) {
        TargetClient api = new TargetClient(baseUrl, options.target().requestTimeout());
        checkIsTheApi(api, options);
        ScheduleSnapshot before = snapshot(api, students.get(0), options);
        Set<String> usernames = students.stream().map(StudentAccount::username).collect(Collectors.toSet());
        int held = (int) before.on(options.week().days()).stream()
                .flatMap(clinic -> clinic.students().stream())
                .filter(student -> usernames.contains(student.username()))
                .count();
        List<Long> closed = Stream.concat(closedClinicIds.stream(), before.closedClinicIds().stream())
                .distinct()
                .sorted()
                .toList();
        return new PreparedTarget(baseUrl, host, embedded, expected, before, held, closed);
    }

    /**
     * Waits (bounded by the request timeout) while the backend answers 503 "starting", then makes sure the
     * target speaks this API: its health answer, or else the schedule's 401 to a request without a token.
     * Anything else (a 404 page, another application) is named as such rather than blamed on missing
     * students later.
     */
    private static void checkIsTheApi(TargetClient api, RunOptions options) {
        try {
            Answer health = awaitReady(api, options);
            if (health.status() == 200 && SimulationJson.object(health.body()).isPresent()) {
                return;
            }
            Answer schedule = api.get(Endpoint.WEEKLY_SCHEDULE.path(), null);
            if (schedule.status() == 401
                    && SimulationJson.object(schedule.body()).isPresent()) {
                return;
            }
            throw notThisApi(
                    api,
                    "GET " + Endpoint.HEALTH.path() + " → " + shortly(health) + ", GET "
                            + Endpoint.WEEKLY_SCHEDULE.path() + " (토큰 없이) → " + shortly(schedule));
        } catch (IOException e) {
            String server = options.embedded() ? "내장 reference server" : "백엔드 서버 (Django: python manage.py runserver)";
            throw new NotReadyException("❌ 백엔드 서버 연결 실패: " + api.url(Endpoint.HEALTH.path()) + " (" + cause(e)
                    + ")\n"
                    + "   - " + server + "가 " + api.url("") + " 에서 실행 중인지 확인하세요\n"
                    + "   - -DbaseUrl 의 호스트, 포트, /api 경로를 확인하세요\n"
                    + "   - 방화벽 설정 확인");
        }
    }

    /** The health answer once it is not 503 (the backend still loading its data), within the request timeout. */
    private static Answer awaitReady(TargetClient api, RunOptions options) throws IOException {
        long deadline = System.nanoTime() + options.target().requestTimeout().toNanos();
        Answer health = api.get(Endpoint.HEALTH.path(), null);
        while (health.status() == 503 && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(READINESS_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the backend to be ready", e);
            }
            health = api.get(Endpoint.HEALTH.path(), null);
        }
        if (health.status() == 503) {
            throw new NotReadyException("❌ 백엔드가 준비되지 않았습니다: " + api.url(Endpoint.HEALTH.path()) + " 가 "
                    + options.target().requestTimeout().toSeconds() + "초 동안 503 (" + SimulationJson.quote(health.body())
                    + ")\n   - 데이터를 불러오는 중이면 잠시 후 다시 실행하세요 (-DrequestTimeoutSeconds 로 더 기다릴 수 있습니다)");
        }
        return health;
    }

    private static NotReadyException notThisApi(TargetClient api, String evidence) {
        return new NotReadyException("❌ 대상이 클리닉 예약 API가 아닙니다: " + api.url("") + " (" + evidence + ")\n"
                + "   - -DbaseUrl 은 API의 주소입니다: http://<host>:<port>/api 처럼 /api 까지 적으세요\n"
                + "   - 그 주소에서 다른 애플리케이션이 실행 중인지 확인하세요");
    }

    /** {@code HTTP 404, HTML} or {@code HTTP 200, JSON}: what kind of answer it was, for messages. */
    private static String shortly(Answer answer) {
        String body = answer.body() == null ? "" : answer.body().stripLeading();
        String kind = SimulationJson.object(body).isPresent()
                ? "JSON"
                : body.isEmpty() ? "빈 응답" : body.startsWith("<") ? "HTML" : "JSON 아님";
        return "HTTP " + answer.status() + ", " + kind;
    }

    private static ScheduleSnapshot snapshot(TargetClient api, StudentAccount student, RunOptions options) {
        try {
            Answer login = api.post(Endpoint.LOGIN.path(), student.loginPayload());
            LoginAnswer answer = LoginAnswer.classify(login.status(), login.body());
            if (!answer.ok() && speaksTheContract(login)) {
                api.post(Endpoint.REGISTER.path(), student.registrationPayload());
                login = api.post(Endpoint.LOGIN.path(), student.loginPayload());
                answer = LoginAnswer.classify(login.status(), login.body());
            }
            if (!answer.ok() && !speaksTheContract(login)) {
                throw notThisApi(api, "POST " + Endpoint.LOGIN.path() + " → " + shortly(login));
            }
            if (!answer.ok()) {
                throw new NotReadyException("❌ 로그인 실패: " + student.username() + " (" + answer.failure() + ")\n"
                        + "   - 테스트 학생 계정이 있는지 확인하세요 (Django: python manage.py setup_test_students, "
                        + "또는 -DsetupCommand=...)\n"
                        + "   - 데이터베이스 연결 상태와 Django migrations 실행 여부를 확인하세요");
            }
            Answer schedule = api.get(Endpoint.WEEKLY_SCHEDULE.path(), answer.token());
            ScheduleSnapshot.Answer read = ScheduleSnapshot.Answer.classify(schedule.status(), schedule.body());
            if (!read.ok()) {
                throw new NotReadyException("❌ 주간 스케줄 조회 실패: " + read.failure());
            }
            if (read.schedule().on(options.week().days()).isEmpty()) {
                throw new NotReadyException(noClinicMessage(options));
            }
            return read.schedule();
        } catch (IOException e) {
            throw new NotReadyException("❌ 백엔드 서버 연결 실패 while reading the BEFORE snapshot: " + cause(e), e);
        }
    }

    /** A login answer of the contract: JSON, 200 or a refusal (400 field errors, 401); not a 404 page or a 501. */
    private static boolean speaksTheContract(Answer login) {
        return (login.status() == 200 || login.status() == 400 || login.status() == 401)
                && SimulationJson.object(login.body()).isPresent();
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
            if (cause instanceof ConnectException) {
                return "ConnectException: connection refused (nothing listens on that host and port)";
            }
        }
        return failure.getClass().getSimpleName();
    }

    static String noClinicMessage(RunOptions options) {
        String how = options.embedded()
                ? "   - 내장 서버의 클리닉은 -Ddays 의 요일에 만들어집니다: 같은 -Ddays 로 실행하세요"
                : "   - 백엔드에서 클리닉을 만드세요: python manage.py setup_test_clinics --reset\n"
                        + "     (reference server: java -jar target/clinic-load-0.1.0-SNAPSHOT-server.jar "
                        + "setup-test-clinics --reset --db <jdbc url>), 또는 -DsetupCommand=\"...\"";
        return "❌ " + ClinicDay.koreanNames(options.week().days()) + "에 예약 가능한 클리닉이 없습니다\n" + how;
    }

    /** Runs the external backend's preparation (e.g. its fixture commands) before the load, bounded in time. */
    /** Runs the user's setup with the run's number of students in {@code $CLINIC_STUDENTS}. */
    private static void runSetupCommand(String command, int timeoutSeconds, int students) {
        Process process;
        try {
            ProcessBuilder setup = new ProcessBuilder("sh", "-c", command).inheritIO();
            setup.environment().put(STUDENTS_VARIABLE, Integer.toString(students));
            process = setup.start();
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

    /** The embedded server's log file, for the run folder; empty for an external backend. */
    public Optional<Path> serverLog() {
        return Optional.ofNullable(embedded).map(EmbeddedTarget::log);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
