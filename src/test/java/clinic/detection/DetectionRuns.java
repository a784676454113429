package clinic.detection;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.detection.SeriesOfRuns.JudgedRun;
import clinic.server.FaultMode;
import clinic.server.FixtureReport;
import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.server.ServerConfig;
import clinic.testsupport.DatabaseKind;
import clinic.testsupport.Folders;
import clinic.testsupport.TestDatabase;
import clinic.testsupport.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Runs the simulation several times, with different seeds, against one reference server started for the
 * series (start-up shared; the fixture reloaded before each run, which also resets the rate limiter and
 * the fault counters), judges each run, and records the series in the detection report.
 */
public final class DetectionRuns {

    /** Runs per fault: every one must detect it. */
    static final int RUNS_PER_FAULT = 5;
    /** Runs per database against the correct server: none may fail. */
    static final int RUNS_PER_CLEAN_SERIES = 10;

    /**
     * The standard fixture with what the business rules need, as the embedded target makes it: one blocked
     * student (the last) and one closed clinic, which each run is told about as an external backend's
     * user would tell it.
     */
    static final FixtureSpec FIXTURE =
            FixtureSpec.standard().withNoShowStudents(1).withClosedClinics(1);

    /** {@code -Ddetection.seed=N} repeats a build's seeds (N, N+1, ...); by default each JVM draws its own. */
    static final String SEED_PROPERTY = "detection.seed";
    /** Where run folders and the report go; the pom points it into the build directory. */
    static final String DIRECTORY_PROPERTY = "detection.dir";
    /** Drawn seeds stay short enough to read in the report and to type. */
    private static final long MAX_DRAWN_SEED = 1_000_000_000L;

    private DetectionRuns() {}

    /** The configuration of every server of the suite: like production but fast password hashing. */
    static ServerConfig serverConfig() {
        return ServerConfig.defaults().withPasswordIterations(TestServer.TEST_PASSWORD_ITERATIONS);
    }

    /** Runs the simulation against a server with {@code fault}; every run must fail naming the fault's symptom. */
    static void assertEveryRunDetects(FaultMode fault) {
        FaultSymptom symptom = FaultSymptom.of(fault);
        SeriesOfRuns series = measure(
                symptom.ordinal(),
                fault.flag(),
                symptom.detectingCheck(),
                true,
                serverConfig().withFaults(Set.of(fault)),
                symptom.simulationOptions(),
                RUNS_PER_FAULT,
                symptom::problems);
        assertThat(series.asExpected())
                .as(
                        "fault %s detected by %s in %d of %d runs; missed:%s",
                        fault.flag(),
                        symptom.detectingCheck(),
                        series.asExpected(),
                        series.runs().size(),
                        series.failures())
                .isEqualTo(series.runs().size());
    }

    /**
     * Runs the simulation against the correct server on a database of {@code kind} of its own (a fresh
     * PostgreSQL schema; skipped when PostgreSQL is unreachable, failed under CI=true); every run must pass.
     */
    public static void assertNoFalseAlarm(DatabaseKind kind) {
        String databaseName = kind == DatabaseKind.H2 ? "H2" : "PostgreSQL";
        try (TestDatabase database = TestDatabase.create(kind)) {
            SeriesOfRuns series = measure(
                    FaultSymptom.values().length + kind.ordinal(),
                    "none (correct server, " + databaseName + ")",
                    CleanRun.CHECK,
                    false,
                    serverConfig().withJdbcUrl(database.jdbcUrl()),
                    Map.of(),
                    RUNS_PER_CLEAN_SERIES,
                    CleanRun::alarms);
            assertThat(series.asExpected())
                    .as(
                            "correct server on %s: %d of %d runs clean; false alarms:%s",
                            databaseName, series.asExpected(), series.runs().size(), series.failures())
                    .isEqualTo(series.runs().size());
        }
    }

    private static SeriesOfRuns measure(
            int order,
            String target,
            String check,
            boolean expectsDetection,
            ServerConfig config,
            Map<String, String> options,
            int runs,
            Function<LoadTestRun, List<String>> judge) {
        Path results = Folders.cleared(directory().resolve("runs").resolve(target.replaceAll("[^A-Za-z0-9-]+", "_")));
        List<JudgedRun> judged = new ArrayList<>();
        try (ReferenceServer server = ReferenceServer.start(config)) {
            for (long seed : seeds(runs)) {
                LoadTestRun run = onAFreshWeek(server, seed, results, options);
                judged.add(new JudgedRun(
                        seed,
                        run.wallTime().toMillis(),
                        judge.apply(run),
                        run.runFolder().toString()));
            }
        }
        SeriesOfRuns series = new SeriesOfRuns(
                order,
                target,
                check,
                expectsDetection,
                List.copyOf(judged),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        DetectionReport.record(directory(), series);
        return series;
    }

    /**
     * One run against {@code server} on a fresh week of the standard fixture ({@link #FIXTURE} reloaded,
     * which gives its clinics new ids), told about its blocked students and closed clinics as an external
     * backend's user would tell it.
     */
    static LoadTestRun onAFreshWeek(ReferenceServer server, long seed, Path results, Map<String, String> options) {
        FixtureReport fixture = server.loadFixture(FIXTURE);
        Map<String, String> runOptions = new LinkedHashMap<>(options);
        runOptions.put("noShowStudents", Integer.toString(FIXTURE.noShowStudents()));
        runOptions.put(
                "closedClinicIds",
                fixture.clinics().stream()
                        .filter(clinic -> !clinic.active())
                        .map(clinic -> Long.toString(clinic.id()))
                        .collect(Collectors.joining(",")));
        return LoadTestRun.against(server.baseUrl(), seed, results, runOptions);
    }

    static Path directory() {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/detection"));
    }

    private static List<Long> seeds(int count) {
        String given = System.getProperty(SEED_PROPERTY);
        long base;
        if (given == null || given.isBlank()) {
            base = ThreadLocalRandom.current().nextLong(1, MAX_DRAWN_SEED);
        } else {
            try {
                base = Long.parseLong(given.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SEED_PROPERTY + " must be a whole number, got '" + given + "'", e);
            }
        }
        return LongStream.range(0, count).map(offset -> base + offset).boxed().toList();
    }

    /** e.g. {@code 5.2 s} */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
