package clinic.simulation.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Field;
import clinic.server.FaultMode;
import clinic.simulation.CapacitySearchSimulation;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.Finding.Kind;
import clinic.simulation.capacity.SearchResult.Outcome;
import clinic.simulation.launch.LaunchedRun;
import clinic.testsupport.ApiClient;
import clinic.testsupport.DatabaseKind;
import clinic.testsupport.Folders;
import clinic.testsupport.Race;
import clinic.testsupport.ServerCommands;
import clinic.testsupport.ServerProcess;
import clinic.testsupport.SimulationProcess;
import clinic.testsupport.TestDatabase;
import clinic.testsupport.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The capacity search, run as a user runs it, against a server whose knee is known: with the bottleneck
 * fault at most {@link FaultMode#BOTTLENECK_SEATS} reservations are served at once, each for
 * {@link FaultMode#BOTTLENECK_SERVICE}. When every student sends one reservation at the opening, the k-th
 * batch answers after k service times, so the reservation p95 of n students is the batch of the 95th
 * percentile's rank; {@code p95Ms} halfway between two batches puts the knee at a count computed here,
 * with half a service time of margin either side for a busy machine.
 *
 * <p>The three searches run at once (each its own processes, database and results folder): a search
 * mostly waits for its steps' JVMs and pauses, and one after the other they made the longest class of
 * the build.
 */
@Execution(ExecutionMode.CONCURRENT)
class CapacitySearchIT {

    private static final Path RESULTS = Path.of(System.getProperty("detection.dir", "target/detection"))
            .resolve("runs")
            .resolve("capacity-search");
    /** Several minutes of searching at most; each search here takes under a minute on a quiet machine. */
    private static final Duration SEARCH_DEADLINE = Duration.ofMinutes(6);
    /** Batches of reservations within the service level. */
    private static final int BATCHES = 4;

    private static final long P95_MS = FaultMode.BOTTLENECK_SERVICE.toMillis() * (2 * BATCHES + 1) / 2;
    private static final double RESOLUTION = 0.05;
    private static final int CAPACITY = 100;
    /**
     * The standalone server's rate limit (one reservation per student per window) is longer than the time
     * between two steps' reservations, so only the pause between steps keeps a step's students from being
     * refused for the last step's requests (a RATE_LIMITED breach would fail the test).
     */
    private static final int RATE_WINDOW_SECONDS = 10;
    /** The standalone server's warm-up: rounds of as many new students as a step has, each booking once. */
    private static final int WARM_UP_ROUNDS = 2;

    private static final int WARM_UP_STUDENTS = 20;
    private static final String WARM_UP_PASSWORD = "warm-up-pass-2024";
    private static final Duration WARM_UP_DEADLINE = Duration.ofSeconds(60);

    /** The most students whose reservation p95 (nearest rank) falls in the first {@link #BATCHES} batches. */
    private static int knee() {
        int students = 1;
        while (batchOf((int) Math.ceil(0.95 * (students + 1))) <= BATCHES) {
            students++;
        }
        return students;
    }

    private static int batchOf(int rank) {
        return (rank + FaultMode.BOTTLENECK_SEATS - 1) / FaultMode.BOTTLENECK_SEATS;
    }

    /** One reservation per student, no business-rule roles, seats for all: only the bottleneck limits. */
    private static Map<String, String> oneReservationEach(long seed) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("seed", Long.toString(seed));
        options.put("minReservations", "1");
        options.put("maxReservations", "1");
        options.put("doubleClickShare", "0");
        options.put("persistentShare", "0");
        options.put("probeForeignBooking", "false");
        options.put("noShowStudents", "0");
        options.put("p95Ms", Long.toString(P95_MS));
        // one stair below the knee, one above it, then the bisection: a few runs, each a JVM of its own
        options.put("searchStartStudents", Integer.toString(knee() - 1));
        options.put("searchGrowth", "1.1");
        options.put("searchResolution", Double.toString(RESOLUTION));
        options.put("searchMaxStudents", "60");
        options.put("searchMaxMinutes", "5");
        return options;
    }

    /**
     * The embedded server's knee behind a standing defect, the production grid that hides the second clinic
     * of each time: the search finds the defect with one student, reports it once, no step breaks on it, and
     * the knee is the one the server on PostgreSQL shows without it.
     */
    @Test
    void findsTheKnownKneeOfTheEmbeddedServerBehindTheClinicsItsGridHides() {
        Map<String, String> options = oneReservationEach(11);
        options.put("faults", FaultMode.BOTTLENECK.flag() + "," + FaultMode.HIDDEN_CLINICS.flag());
        options.put("closedClinics", "0");
        options.put("capacity", Integer.toString(CAPACITY));
        options.put("passwordIterations", Integer.toString(TestServer.TEST_PASSWORD_ITERATIONS));

        Searched searched = search(options, "hidden-clinics");

        assertFindsTheKnee(searched);
        assertThat(searched.result().standing().findings())
                .extracting(Finding::kind)
                .containsExactly(
                        Kind.CLINIC_NOT_VISIBLE,
                        Kind.CLINIC_NOT_VISIBLE,
                        Kind.CLINIC_NOT_VISIBLE,
                        Kind.CLINIC_NOT_VISIBLE);
        assertThat(searched.result().steps()).allMatch(step -> Boolean.TRUE.equals(step.auditPassed()));
        assertThat(searched.output()).contains("상존 발견 4건 (학생 1명에서도 나타남");
    }

    @Test
    void findsTheKnownKneeOfTheStandaloneServerOnPostgresThroughItsSetupCommand() {
        TestDatabase.requirePostgres();
        try (TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRES);
                ServerProcess server = ServerProcess.serveOn(
                        Duration.ofMinutes(2),
                        database.jdbcUrl(),
                        "--fault",
                        FaultMode.BOTTLENECK.flag(),
                        "--rate-limit",
                        "1",
                        "--rate-window-seconds",
                        Integer.toString(RATE_WINDOW_SECONDS),
                        "--setup-clinics",
                        "--capacity",
                        Integer.toString(CAPACITY))) {
            warmUp(server);
            Map<String, String> options = oneReservationEach(12);
            options.put("baseUrl", server.baseUrl());
            options.put("setupCommand", setupCommand(database.jdbcUrl()));
            options.put("searchPauseSeconds", Integer.toString(RATE_WINDOW_SECONDS));

            Searched searched = search(options, "postgres");

            assertFindsTheKnee(searched);
            for (SearchStep step : searched.result().steps()) {
                Path stepFolder = searched.folder()
                        .resolve(searched.result().stepsFolder())
                        .resolve(Path.of(step.report()).getName(0));
                assertThat(stepFolder.resolve(LaunchedRun.CONSOLE_FILE))
                        .as("step %d's setupCommand saw its students", step.number())
                        .content()
                        .contains("CLINIC_STUDENTS=" + step.students());
            }
        }
    }

    /** One step, at the bound: the climb to it is the other searches' and {@link SearchPlanTest}'s. */
    @Test
    void aCorrectServerBeyondTheBoundIsReportedAsTheBoundNotAsALimit() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("seed", "13");
        options.put("searchStartStudents", "12");
        options.put("searchMaxStudents", "12");
        options.put("p95Ms", "5000");
        options.put("passwordIterations", Integer.toString(TestServer.TEST_PASSWORD_ITERATIONS));

        Searched searched = search(options, "bound");

        assertThat(searched.exitCode()).as(searched.output()).isZero();
        SearchResult result = searched.result();
        assertThat(result.outcome()).as(searched.output()).isEqualTo(Outcome.BOUND_REACHED);
        assertThat(result.steps()).extracting(SearchStep::students).containsExactly(12);
        assertThat(result.steps()).allMatch(SearchStep::held);
        assertThat(result.limit()).isEqualTo(12);
        assertThat(result.firstBroken()).isZero();
        assertThat(searched.output()).contains("🏁 최대 동시 사용자 수: 12명 이상").contains("searchMaxStudents=12 에서 멈췄습니다");
    }

    /**
     * Sends the standalone server what a step sends, before the search: a server that has served nothing
     * answers its first opening rush late (in full builds the first step's p95 came 130 to 270 ms above its
     * batch, past the knee's margin, and the step ran twice). The embedded target warms its server up the same
     * way. Students of its own, one reservation each: the step's students keep their rate-limit allowance.
     */
    private static void warmUp(ServerProcess server) {
        ApiClient api = new ApiClient(server.baseUrl());
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            List<Callable<Integer>> students = new ArrayList<>();
            for (int number = 1; number <= WARM_UP_STUDENTS; number++) {
                int student = number;
                String username = "warm_up_" + round + "_" + student;
                students.add(() -> {
                    long id = api.register(username, WARM_UP_PASSWORD, "준비" + student);
                    String token = api.login(username, WARM_UP_PASSWORD);
                    JsonNode clinics = api.weeklySchedule(token).expect(200).path(Field.CLINICS);
                    long clinic = clinics.get(student % clinics.size())
                            .path(Field.CLINIC_ID)
                            .asLong();
                    return api.reserve(token, id, clinic).status();
                });
            }
            assertThat(Race.run(students, WARM_UP_DEADLINE))
                    .as("the warm-up's reservations (capacity %d each)", CAPACITY)
                    .containsOnly(200);
        }
    }

    private static void assertFindsTheKnee(Searched searched) {
        int knee = knee();
        SearchResult result = searched.result();
        String described = "knee %d at p95Ms %d: %s".formatted(knee, P95_MS, searched.output());
        assertThat(searched.exitCode()).as(described).isZero();
        assertThat(result.outcome()).as(described).isEqualTo(Outcome.FOUND);
        assertThat(result.limit()).as(described).isLessThanOrEqualTo(knee);
        assertThat(knee - result.limit()).as(described).isLessThanOrEqualTo(Math.max(1, (int) (RESOLUTION * knee)));
        assertThat(result.firstBroken()).as(described).isGreaterThan(knee);
        assertThat(result.steps()).as(described).allMatch(step -> step.problem() == null);
        assertThat(result.steps())
                .filteredOn(step -> !step.held())
                .as("steps above the knee break on p95 alone: %s", described)
                .allMatch(step -> step.breaches().equals(List.of(SearchStep.Breach.P95)));
        assertThat(searched.output()).contains("🏁 최대 동시 사용자 수: " + result.limit() + "명 (p95 ≤ " + P95_MS);
        assertThat(searched.page()).contains(result.answer());
        for (SearchStep step : result.steps()) {
            assertThat(searched.folder().resolve(result.stepsFolder()).resolve(step.report()))
                    .as("step %d's clinic report", step.number())
                    .isRegularFile();
        }
    }

    private record Searched(int exitCode, String output, Path folder, SearchResult result, String page) {}

    private static Searched search(Map<String, String> options, String name) {
        Path results = Folders.cleared(RESULTS.resolve(name));
        options.put("resultsFolder", results.toString());
        SimulationProcess process = SimulationProcess.launch(CapacitySearchSimulation.class.getName(), options, results)
                .within(SEARCH_DEADLINE)
                .run();
        Path folder = runFolder(results, process);
        try {
            return new Searched(
                    process.exitCode(),
                    process.output(),
                    folder,
                    SearchResult.read(folder.resolve(SearchResult.FILE)),
                    Files.readString(folder.resolve(SearchResult.PAGE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path runFolder(Path results, SimulationProcess process) {
        try (Stream<Path> entries = Files.list(results)) {
            return entries.filter(folder -> Files.isRegularFile(folder.resolve(SearchResult.FILE)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "no " + SearchResult.FILE + " in " + results + ":\n" + process.output()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reference server's own setup commands, on the server's database, with the step's students; both in
     * one JVM ({@link ServerCommands}), since the search runs them at every step.
     */
    private static String setupCommand(String jdbcUrl) {
        String java = "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' " + ServerCommands.class.getName();
        String db = " --db '" + jdbcUrl + "' --password-iterations " + TestServer.TEST_PASSWORD_ITERATIONS;
        return "echo CLINIC_STUDENTS=$CLINIC_STUDENTS && " + java + " setup-test-clinics --reset --capacity " + CAPACITY
                + db + " " + ServerCommands.THEN + " setup-test-students --count $CLINIC_STUDENTS" + db;
    }
}
