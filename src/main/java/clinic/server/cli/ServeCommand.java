package clinic.server.cli;

import clinic.server.ClinicLayout;
import clinic.server.FaultMode;
import clinic.server.FixtureReport;
import clinic.server.FixtureSpec;
import clinic.server.FixtureSpec.Clinics;
import clinic.server.FixtureSpec.Passwords;
import clinic.server.ReferenceServer;
import clinic.server.ServerConfig;
import clinic.server.fixture.TestFixture;
import clinic.server.service.PasswordHasher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Runs the reference server until Ctrl-C.")
class ServeCommand implements Callable<Integer> {

    /**
     * The command of {@code --controlled} that loads the fixture again ({@code reload}, or {@code reload N}
     * with N students instead of the fixture's), and the start of its answer, which goes on with the
     * fixture's clinics as a JSON array (ids, places, open or closed).
     */
    static final String RELOAD = "reload";

    static final String RELOADED = "reloaded";
    private static final ObjectMapper CLINICS_JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "port, 0 for a free one (default: ${DEFAULT-VALUE})")
    int port = 8000;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "jdbc:h2:... or jdbc:postgresql://...?currentSchema=... (default: a fresh in-memory H2)")
    String jdbcUrl;

    @Option(
            names = "--rate-limit",
            paramLabel = "N",
            description = "reservation requests per user per window, 0 = off (default: ${DEFAULT-VALUE})")
    int rateLimit = ServerConfig.DEFAULT_RATE_LIMIT_REQUESTS;

    @Option(
            names = "--rate-window-seconds",
            paramLabel = "S",
            description = "rate-limit window (default: ${DEFAULT-VALUE})")
    long rateWindowSeconds = ServerConfig.DEFAULT_RATE_LIMIT_WINDOW.toSeconds();

    @Option(
            names = "--password-iterations",
            paramLabel = "N",
            description = "PBKDF2 iterations for new password hashes (default: ${DEFAULT-VALUE})")
    int passwordIterations = ServerConfig.DEFAULT_PASSWORD_ITERATIONS;

    @Option(
            names = "--fault",
            paramLabel = "NAME",
            converter = FaultConverter.class,
            completionCandidates = FaultFlags.class,
            description = "switch on a deliberate bug (repeatable): ${COMPLETION-CANDIDATES}")
    List<FaultMode> faults = List.of();

    @Option(
            names = "--slow-ms",
            paramLabel = "MS",
            description = "with --fault slow: the delay before each reservation, 1-" + ServerConfig.MAX_SLOW_DELAY_MS
                    + " ms (default: ${DEFAULT-VALUE})")
    long slowMs = FaultMode.SLOW_DELAY.toMillis();

    @Option(
            names = "--setup-clinics",
            description = "create the test clinics at start (the eight Monday clinics, or --days/--times/--rooms)")
    boolean setupClinics;

    @CommandLine.Mixin
    ClinicLayoutOptions layout;

    @Option(names = "--reset", description = "with --setup-clinics: delete the existing test clinics first")
    boolean resetClinics;

    @Option(
            names = "--capacity",
            paramLabel = "N",
            description = "with --setup-clinics: seats per clinic, 1-" + FixtureSpec.MAX_CAPACITY + " (default: "
                    + FixtureSpec.DEFAULT_CAPACITY + ")")
    Integer capacity;

    @Option(
            names = "--closed-clinics",
            paramLabel = "K",
            description = "with --setup-clinics: add K inactive clinics beside the layout's (reservation_closed)")
    Integer closedClinics;

    @Option(
            names = "--no-show-students",
            paramLabel = "K",
            description = "with --setup-students: give the last K students two no-shows (blocked this week)")
    Integer noShowStudents;

    @Option(
            names = "--controlled",
            description = "for a harness that starts the server: a line 'reload' (or 'reload N', with N students) on "
                    + "standard input loads the fixture again (answered 'reloaded' and its clinics as JSON), and the "
                    + "end of standard input stops the server")
    boolean controlled;

    @Option(
            names = "--setup-students",
            paramLabel = "N",
            description = "create test students 01..N at start (N: 1-" + FixtureSpec.MAX_STUDENTS + ")")
    Integer setupStudents;

    /** The flags of every fault mode, for the help text. */
    static final class FaultFlags implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(FaultMode.values())
                    .map(FaultMode::flag)
                    .iterator();
        }
    }

    static final class FaultConverter implements CommandLine.ITypeConverter<FaultMode> {
        @Override
        public FaultMode convert(String value) {
            try {
                return FaultMode.fromFlag(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!setupClinics && (resetClinics || capacity != null || layout.given() || closedClinics != null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--reset, --capacity, --days, --times, --rooms and --closed-clinics need --setup-clinics");
        }
        if (closedClinics != null) {
            OptionRange.require(spec, "--closed-clinics", closedClinics, 0, ClinicLayout.MAX_ROOMS);
        }
        if (setupStudents == null && noShowStudents != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--no-show-students needs --setup-students");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--slow-ms") && !faults.contains(FaultMode.SLOW)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--slow-ms sets the delay of the slow fault and needs --fault slow");
        }
        OptionRange.require(spec, "--slow-ms", slowMs, 1, ServerConfig.MAX_SLOW_DELAY_MS);
        OptionRange.require(spec, "--port", port, 0, 65_535);
        OptionRange.require(spec, "--rate-limit", rateLimit, 0, ServerConfig.MAX_RATE_LIMIT_REQUESTS);
        OptionRange.require(
                spec, "--rate-window-seconds", rateWindowSeconds, 1, ServerConfig.MAX_RATE_LIMIT_WINDOW.toSeconds());
        OptionRange.require(spec, "--password-iterations", passwordIterations, 1, PasswordHasher.MAX_ITERATIONS);
        if (capacity != null) {
            OptionRange.require(spec, "--capacity", capacity, 1, FixtureSpec.MAX_CAPACITY);
        }
        if (setupStudents != null) {
            OptionRange.require(spec, "--setup-students", setupStudents, 1, FixtureSpec.MAX_STUDENTS);
        }
        ServerConfig config = configuration();
        ReferenceServer server = ReferenceServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "clinic-server-shutdown"));
        // the fixture first: whoever waits for the address line finds the clinics' ids above it
        if (config.fixture() != null) {
            printFixture(server.fixtureReport(), config.fixture());
        }
        System.out.println("Clinic reference server: " + server.baseUrl());
        System.out.println(controlled ? "The end of standard input stops it." : "Ctrl-C stops it.");
        System.out.flush();
        if (controlled) {
            followStandardInput(server, config.fixture());
            server.close();
            return 0;
        }
        stopped.await();
        return 0;
    }

    /**
     * The harness's commands, one per line, until its end: the server lives exactly as long as the run that
     * started it, even when that run dies without a word.
     */
    private static void followStandardInput(ReferenceServer server, FixtureSpec fixture) {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                if (!line.isBlank()) {
                    System.out.println(answer(server, fixture, line.strip()));
                    System.out.flush();
                }
            }
        } catch (IOException e) {
            System.err.println("error: standard input failed, stopping: " + e.getMessage());
        }
    }

    /** The answer to one line of the harness: the reloaded clinics, or why nothing was done. */
    private static String answer(ReferenceServer server, FixtureSpec fixture, String command)
            throws JsonProcessingException {
        String[] words = command.split("\\s+");
        if (!words[0].equals(RELOAD) || words.length > 2) {
            return "unknown command '" + command + "' (expected: " + RELOAD + " or " + RELOAD + " N)";
        }
        if (fixture == null) {
            return "nothing to reload: serve was started without --setup-clinics or --setup-students";
        }
        FixtureSpec reloaded = fixture;
        if (words.length == 2) {
            if (!words[1].matches("-?\\d{1,9}")) {
                return "cannot reload with students '" + words[1] + "': not a whole number";
            }
            try {
                reloaded = fixture.withStudents(Integer.parseInt(words[1]));
            } catch (IllegalArgumentException e) {
                return "cannot reload with students '" + words[1] + "': " + e.getMessage();
            }
        }
        return RELOADED + " "
                + CLINICS_JSON.writeValueAsString(server.loadFixture(reloaded).clinics());
    }

    private ServerConfig configuration() {
        Set<FaultMode> faultSet = faults.isEmpty() ? Set.of() : EnumSet.copyOf(faults);
        try {
            FixtureSpec fixture = setupClinics || setupStudents != null
                    ? new FixtureSpec(
                            clinicsAction(),
                            layout.layout(),
                            capacity == null ? FixtureSpec.DEFAULT_CAPACITY : capacity,
                            closedClinics == null ? 0 : closedClinics,
                            setupStudents == null ? 0 : setupStudents,
                            noShowStudents == null ? 0 : noShowStudents,
                            Passwords.KEEP)
                    : null;
            return ServerConfig.defaults()
                    .withHost(host)
                    .withPort(port)
                    .withJdbcUrl(jdbcUrl)
                    .withRateLimit(rateLimit, Duration.ofSeconds(rateWindowSeconds))
                    .withPasswordIterations(passwordIterations)
                    .withFaults(faultSet)
                    .withSlowDelay(Duration.ofMillis(slowMs))
                    .withFixture(fixture);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Clinics clinicsAction() {
        if (!setupClinics) {
            return Clinics.NONE;
        }
        return resetClinics ? Clinics.RESET : Clinics.KEEP_EXISTING;
    }

    private static void printFixture(FixtureReport report, FixtureSpec spec) {
        if (spec.clinics() != Clinics.NONE) {
            if (spec.clinics() == Clinics.RESET) {
                System.out.println("🗑️  기존 테스트 클리닉 " + report.clinicsDeleted() + "개 삭제");
            }
            FixturePrinter.printClinics(System.out, report.clinics());
        }
        if (spec.students() > 0) {
            System.out.println("✅ 학생 " + report.studentsCreated() + "명 생성, 기존 " + report.studentsExisting()
                    + "명 유지 (비밀번호 " + TestFixture.PASSWORD + ")");
        }
    }
}
