package clinic.simulation.merge;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.ClinicReservationSimulation;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.audit.Finding;
import clinic.simulation.output.AttemptsFile;
import clinic.simulation.output.RunSummary;
import clinic.testsupport.DatabaseKind;
import clinic.testsupport.Folders;
import clinic.testsupport.ServerProcess;
import clinic.testsupport.SimulationProcess;
import clinic.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import picocli.CommandLine;

/**
 * Three injectors as three JVMs, one run: the standalone reference server on PostgreSQL, every injector
 * with its slice of the 20 students, all opening at one instant a little ahead; then their run folders
 * merged. On the correct server every injector's audit is clean, the merged counts are their sums and the
 * first requests of the injectors leave within 200 ms of each other; on an overbooking server the merged
 * verdict fails. The two runs go at once, each with its own database, server and folders: most of a run is
 * the wait for its opening. Their openings are apart, so that the overbooking run's rush does not share the
 * two cores with the opening whose spread is measured (together, one injector once left 262 ms late).
 */
@Execution(ExecutionMode.CONCURRENT)
class SeveralInjectorsIT {

    private static final int INJECTORS = 3;
    private static final int STUDENTS = 20;
    /**
     * Long enough for three JVMs to start Gatling and log their students in on a busy 2-core machine, while the
     * other run's three start too: at the start of a full mvn verify, beside the other Failsafe JVMs' own
     * start, Gatling began 39 s after the injectors were launched, and 45 s left their logins past the opening.
     */
    private static final Duration OPENING_AHEAD = Duration.ofSeconds(75);
    /** The overbooking run opens this much later: a run's load is over about 6 s after its opening. */
    private static final Duration OPENINGS_APART = Duration.ofSeconds(15);
    /**
     * What is measured here is the shards, their audits and the opening, not the latency of three JVMs and a
     * server sharing two cores: the p95 bound is set out of the way.
     */
    private static final String P95_MS = "10000";

    private static final Duration SERVER_START = Duration.ofSeconds(60);
    private static final long MAX_SPREAD_MS = 200;
    private static final Pattern CLOSED_IDS = Pattern.compile("-DclosedClinicIds=([0-9,]+)");
    private static final Path RESULTS = Path.of(System.getProperty("detection.dir", "target/detection"))
            .resolve("runs")
            .resolve("several-injectors");

    private record Injected(List<SimulationProcess> processes, List<RunSummary> summaries, List<Path> folders) {}

    @Test
    void threeInjectorsOpenAtOneInstantAndMergeIntoOneCleanVerdict() {
        try (TestDatabase database = postgres();
                ServerProcess server = serve(database)) {
            Injected run = inject(server, RESULTS.resolve("correct"), 71, OPENING_AHEAD);

            for (int index = 0; index < INJECTORS; index++) {
                SimulationProcess process = run.processes().get(index);
                RunSummary summary = run.summaries().get(index);
                assertThat(process.exitCode()).as(process.output()).isZero();
                assertThat(process.output()).contains("🧩 인젝터 " + (index + 1) + "/" + INJECTORS);
                assertThat(summary.audit().passed()).as(summary.brief()).isTrue();
                assertThat(summary.audit().violations()).isEmpty();
                assertThat(summary.opening().firstSendAfterOpenAtMs())
                        .as("injector %d sends nothing before the opening", index + 1)
                        .isNotNegative();
            }
            Merged merged = merge(run.folders(), RESULTS.resolve("correct-merged"));

            assertThat(merged.exitCode()).as(merged.output()).isZero();
            RunSummary summary = merged.summary();
            assertThat(summary.students().total()).isEqualTo(STUDENTS);
            assertThat(summary.students().loggedIn()).isEqualTo(STUDENTS);
            assertThat(summary.reservations().attempts())
                    .isEqualTo(sum(run, s -> s.reservations().attempts()))
                    .isEqualTo(AttemptsFile.read(merged.folder().resolve(AttemptsFile.FILE))
                            .size());
            for (RejectionReason reason : RejectionReason.values()) {
                assertThat(summary.reservations().count(reason))
                        .as("%s", reason)
                        .isEqualTo(sum(run, s -> s.reservations().count(reason)));
            }
            assertThat(summary.audit().passed()).isTrue();
            assertThat(summary.opening().injectorsSpreadMs())
                    .as(
                            "first requests of the %d injectors after openAt (ms): %s; an injector whose students were "
                                    + "not all logged in by then starts late",
                            INJECTORS, firstSendsAfterOpenAt(run))
                    .isBetween(0L, MAX_SPREAD_MS);
        }
    }

    @Test
    void anOverbookingBackendFailsTheMergedVerdict() {
        try (TestDatabase database = postgres();
                ServerProcess server = serve(database, "--fault", "overbook")) {
            Injected run = inject(server, RESULTS.resolve("overbook"), 72, OPENING_AHEAD.plus(OPENINGS_APART));

            Merged merged = merge(run.folders(), RESULTS.resolve("overbook-merged"));

            assertThat(merged.exitCode()).as(merged.output()).isEqualTo(MergeInjectorsCommand.VERDICT_FAILED);
            assertThat(merged.output()).contains("❌ 합산 판정: 실패");
            assertThat(merged.summary().audit().passed()).isFalse();
            assertThat(merged.summary().audit().violations())
                    .extracting(Finding::kind)
                    .contains(Finding.Kind.OVER_CAPACITY);
        }
    }

    private static TestDatabase postgres() {
        String reason = TestDatabase.unusableReason(DatabaseKind.POSTGRES);
        Assumptions.assumeTrue(reason == null, reason);
        return TestDatabase.create(DatabaseKind.POSTGRES);
    }

    /** The standalone server with the standard fixture, one blocked student and one closed clinic. */
    private static ServerProcess serve(TestDatabase database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--setup-clinics",
                "--reset",
                "--closed-clinics",
                "1",
                "--setup-students",
                Integer.toString(STUDENTS),
                "--no-show-students",
                "1"));
        args.addAll(List.of(more));
        return ServerProcess.serveOn(SERVER_START, database.jdbcUrl(), args.toArray(String[]::new));
    }

    /**
     * The three injectors at once, opening together {@code ahead} from now; their exit, summary and run folder,
     * in order.
     */
    private static Injected inject(ServerProcess server, Path results, long seed, Duration ahead) {
        Matcher closed = CLOSED_IDS.matcher(server.output());
        assertThat(closed.find()).as(server.output()).isTrue();
        Instant openAt = Instant.now().plus(ahead).truncatedTo(ChronoUnit.SECONDS);
        List<SimulationProcess.Running> running = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (int index = 1; index <= INJECTORS; index++) {
            Path folder = results.resolve("injector-" + index);
            Folders.cleared(folder);
            folders.add(folder);
            Map<String, String> options = new LinkedHashMap<>();
            options.put("baseUrl", server.baseUrl());
            options.put("seed", Long.toString(seed));
            options.put("injectorCount", Integer.toString(INJECTORS));
            options.put("injectorIndex", Integer.toString(index));
            options.put("openAt", openAt.toString());
            options.put("noShowStudents", "1");
            options.put("closedClinicIds", closed.group(1));
            options.put("resultsFolder", folder.toString());
            options.put("p95Ms", P95_MS);
            running.add(SimulationProcess.launch(ClinicReservationSimulation.class.getName(), options, folder)
                    .start());
        }
        List<SimulationProcess> processes =
                running.stream().map(SimulationProcess.Running::await).toList();
        List<RunSummary> summaries = new ArrayList<>();
        for (int index = 0; index < INJECTORS; index++) {
            summaries.add(InjectorRun.read(folders.get(index)).summary());
        }
        return new Injected(processes, summaries, folders);
    }

    private record Merged(int exitCode, String output, Path folder, RunSummary summary) {}

    private static Merged merge(List<Path> folders, Path into) {
        Folders.cleared(into);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--into", into.toString()));
        folders.forEach(folder -> args.add(folder.toString()));
        int exitCode = new CommandLine(
                        new MergeInjectorsCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .execute(args.toArray(String[]::new));
        return new Merged(
                exitCode,
                printed.toString(StandardCharsets.UTF_8),
                into,
                RunSummary.read(into.resolve(RunSummary.FILE)));
    }

    private static int sum(Injected run, ToIntFunction<RunSummary> count) {
        return run.summaries().stream().mapToInt(count).sum();
    }

    private static List<Long> firstSendsAfterOpenAt(Injected run) {
        return run.summaries().stream()
                .map(summary -> summary.opening().firstSendAfterOpenAtMs())
                .toList();
    }
}
