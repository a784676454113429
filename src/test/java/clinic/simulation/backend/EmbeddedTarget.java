package clinic.simulation.backend;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.server.FaultMode;
import clinic.server.FixtureClinic;
import clinic.server.cli.ClinicServerCommand;
import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.backend.TargetClient.Answer;
import clinic.simulation.options.RunOptions;
import clinic.simulation.scenario.StudentAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded reference server: {@code serve} in a JVM of its own, started with the run's fixture and
 * stopped with the run. Its own process because the load generator and the server each hold one socket
 * per student: ten thousand students are twenty thousand open files, past this machine's limit for one
 * process, and two JVMs also keep the server's garbage collection and JIT out of the load generator's
 * measurements. The server is warmed up before the load (a cold server turned a correct first run red),
 * outside Gatling's statistics, then its fixture is reloaded, which also clears the rate limiter and the
 * fault counters, so the measured run starts as a cold one would.
 */
public final class EmbeddedTarget implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTarget.class);

    private static final Pattern BASE_URL = Pattern.compile("Clinic reference server: (http://\\S+)");
    /** The server's answer to a reload: the clinics, or (group 2) why it did not reload. */
    private static final Pattern RELOADED =
            Pattern.compile("^(?:reloaded (\\[.*])|((?:cannot reload|nothing to reload|unknown command).*))$");
    /** Hashing ten thousand passwords at start-up takes its time on two cores. */
    private static final Duration START_DEADLINE = Duration.ofMinutes(10);

    private static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    /** Rounds of login, schedule read and reservation per warm-up worker. */
    private static final int WARM_UP_ROUNDS = 30;

    private static final int WARM_UP_WORKERS = 8;
    /** The warm-up stops here whatever it reached (a slow fault makes every reservation take 1.5 s). */
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(5);

    private final Process process;
    private final Path log;
    private final BufferedReader output;
    private final Writer commands;
    private final String baseUrl;
    /** The fixture's clinics as the last reload made them. */
    private List<FixtureClinic> clinics = List.of();

    private EmbeddedTarget(Process process, Path log, BufferedReader output, Writer commands, String baseUrl) {
        this.process = process;
        this.log = log;
        this.output = output;
        this.commands = commands;
        this.baseUrl = baseUrl;
    }

    /** The server of one run, running, warmed up and with a fresh fixture; stopped again on any failure. */
    static EmbeddedTarget start(RunOptions options, List<StudentAccount> students) {
        return start(options, students, false);
    }

    /**
     * The same, for a harness that reloads the fixture between runs ({@link #reload(int)}): the server's
     * output is read only by the reloads, as it prints nothing else on standard output.
     */
    public static EmbeddedTarget startControlled(RunOptions options, List<StudentAccount> students) {
        return start(options, students, true);
    }

    private static EmbeddedTarget start(RunOptions options, List<StudentAccount> students, boolean reloads) {
        Process process;
        Path log;
        try {
            log = Files.createTempFile("clinic-embedded-server-", ".log");
            process = new ProcessBuilder(command(options))
                    .redirectError(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new NotReadyException("❌ 내장 reference server를 시작할 수 없습니다: " + e.getMessage(), e);
        }
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        EmbeddedTarget target = null;
        try {
            target = new EmbeddedTarget(
                    process,
                    log,
                    output,
                    commands,
                    awaitLine(process, log, output, BASE_URL).group(1));
            target.warmUp(options, students);
            target.send("reload");
            if (!reloads) {
                target.drainOutput();
            }
            LOG.debug(
                    "embedded reference server at {} (faults: {})",
                    target.baseUrl,
                    options.fixture().faults());
            return target;
        } catch (RuntimeException e) {
            if (target != null) {
                target.close();
            } else {
                process.destroyForcibly();
            }
            throw e;
        }
    }

    /** {@code serve} on a free port with the fixture of the options, controlled through standard input. */
    private static List<String> command(RunOptions options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-Dclinic.log.level=" + System.getProperty("serverLogLevel", "WARN"),
                "-cp",
                System.getProperty("java.class.path"),
                ClinicServerCommand.class.getName(),
                "serve",
                "--controlled",
                "--port",
                "0",
                "--password-iterations",
                Integer.toString(options.fixture().passwordIterations()),
                "--setup-clinics",
                "--reset",
                "--days",
                options.week().layout().daysText(),
                "--times",
                options.week().layout().timesText(),
                "--rooms",
                Integer.toString(options.week().layout().rooms()),
                "--capacity",
                Integer.toString(options.fixture().capacity()),
                "--closed-clinics",
                Integer.toString(options.fixture().closedClinics()),
                "--setup-students",
                Integer.toString(options.students()),
                "--no-show-students",
                Integer.toString(options.week().noShowStudents())));
        for (FaultMode fault : options.fixture().faults()) {
            command.addAll(List.of("--fault", fault.flag()));
        }
        if (options.fixture().slowMs() != null) {
            command.addAll(
                    List.of("--slow-ms", Integer.toString(options.fixture().slowMs())));
        }
        return command;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** What the server logged (warnings and errors; everything with -DserverLogLevel=DEBUG). */
    Path log() {
        return log;
    }

    /**
     * Loads the fixture again with {@code students} students, as a fresh week: no seat taken, the rate
     * limiter's history and the fault counters gone. Only for a server started by {@link #startControlled}.
     */
    public void reload(int students) {
        send("reload " + students);
    }

    /** Loads the fixture again: the warm-up's seats and rate-limit history are gone. */
    private void send(String reload) {
        try {
            commands.write(reload + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new NotReadyException("❌ 내장 reference server가 응답하지 않습니다: " + e.getMessage(), e);
        }
        Matcher answer = awaitLine(process, log, output, RELOADED);
        if (answer.group(2) != null) {
            throw new NotReadyException("❌ 내장 reference server가 픽스처를 다시 불러오지 못했습니다: " + answer.group(2));
        }
        try {
            clinics = List.of(SimulationJson.MAPPER.readValue(answer.group(1), FixtureClinic[].class));
        } catch (IOException e) {
            throw new NotReadyException("❌ 내장 reference server의 클리닉 목록을 읽을 수 없습니다: " + e.getMessage(), e);
        }
    }

    /** The fixture's clinics, open and closed, with their ids. */
    public List<FixtureClinic> clinics() {
        return clinics;
    }

    /** Reads whatever else the server prints, so that a full pipe never blocks it. */
    private void drainOutput() {
        Thread drain = new Thread(
                () -> {
                    try {
                        while (output.readLine() != null) {
                            // the server's start-up lines were read before; nothing after them matters
                        }
                    } catch (IOException e) {
                        LOG.debug("embedded server output closed", e);
                    }
                },
                "embedded-server-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** Reads the server's output (bounded) until a line matches; fails when the server ends or is late. */
    private static Matcher awaitLine(Process process, Path log, BufferedReader output, Pattern wanted) {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Matcher> found = reader.submit(() -> {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    Matcher matcher = wanted.matcher(line);
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                return null;
            });
            Matcher matcher = found.get(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (matcher == null) {
                throw new NotReadyException("❌ 내장 reference server가 시작하지 못했습니다 (exit " + process.waitFor() + "): "
                        + String.join(" | ", Files.readAllLines(log)));
            }
            return matcher;
        } catch (IOException e) {
            throw new NotReadyException("❌ 내장 reference server의 로그를 읽을 수 없습니다: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("❌ 내장 reference server를 기다리다 중단되었습니다", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new NotReadyException(
                    "❌ 내장 reference server가 " + START_DEADLINE.toMinutes() + "분 안에 준비되지 않았습니다: " + e, e);
        } finally {
            reader.shutdownNow();
        }
    }

    /** Traffic of every kind before the load, so that the server's request path is compiled. */
    private void warmUp(RunOptions options, List<StudentAccount> students) {
        TargetClient api = new TargetClient(baseUrl, options.target().requestTimeout());
        long deadline = System.nanoTime() + WARM_UP_BUDGET.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(WARM_UP_WORKERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < WARM_UP_WORKERS; worker++) {
                int first = worker;
                running.add(workers.submit(() -> warmUpWorker(api, students, first, deadline)));
            }
            for (Future<?> future : running) {
                future.get(
                        WARM_UP_BUDGET.toMillis()
                                + options.target().requestTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            // a warm-up that did not finish only leaves the server colder; the load itself will tell
            LOG.debug("warm-up of the embedded server ended early", e);
        } finally {
            workers.shutdownNow();
        }
    }

    private static Void warmUpWorker(TargetClient api, List<StudentAccount> students, int worker, long deadline)
            throws IOException {
        for (int round = 0; round < WARM_UP_ROUNDS && System.nanoTime() < deadline; round++) {
            StudentAccount student = students.get((worker + round * WARM_UP_WORKERS) % students.size());
            Answer login = api.post(Endpoint.LOGIN.path(), student.loginPayload());
            LoginAnswer answer = LoginAnswer.classify(login.status(), login.body());
            if (!answer.ok()) {
                continue;
            }
            Answer schedule = api.get(Endpoint.WEEKLY_SCHEDULE.path(), answer.token());
            ScheduleSnapshot.Answer read = ScheduleSnapshot.Answer.classify(schedule.status(), schedule.body());
            if (!read.ok() || read.schedule().clinics().isEmpty()) {
                continue;
            }
            List<ScheduleSnapshot.Clinic> clinics = read.schedule().clinics();
            long clinicId = clinics.get(round % clinics.size()).id();
            api.post(
                    Endpoint.RESERVE.path(),
                    Map.of(Field.USER_ID, answer.studentId(), Field.CLINIC_ID, clinicId),
                    answer.token());
        }
        return null;
    }

    /** Ends the server: the end of its standard input stops it; a server that does not stop is killed. */
    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
