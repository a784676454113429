package clinic.detection;

import clinic.simulation.ClinicReservationSimulation;
import clinic.simulation.output.RunSummary;
import io.gatling.app.Gatling$;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run of the real {@link ClinicReservationSimulation} in this JVM, through Gatling's own launcher
 * (the code users run, with its assertions), against a backend that is already running.
 *
 * @param gatlingStatus the launcher's exit status: {@link #SUCCESS}, {@link #ASSERTIONS_FAILED}, or 1
 *                      when the run could not start or crashed
 * @param summary       the run's clinic-summary.json
 */
public record LoadTestRun(long seed, int gatlingStatus, RunSummary summary, Path runFolder, Duration wallTime) {

    /** Gatling's io.gatling.app.cli.StatusCode values. */
    public static final int SUCCESS = 0;

    public static final int ASSERTIONS_FAILED = 2;

    /**
     * Runs the simulation with its default options (20 students, atOnce, 1–5 reservations, 0.1–2 s
     * pauses) but {@code baseUrl} and {@code seed}. The simulation reads system properties when Gatling
     * instantiates it, so they are set for the run and restored after; runs in one JVM must be
     * sequential, hence synchronized.
     */
    public static LoadTestRun against(String baseUrl, long seed, Path resultsRoot) {
        return against(baseUrl, seed, resultsRoot, Map.of());
    }

    /** The same with more simulation options ({@code -D} names and values). */
    public static synchronized LoadTestRun against(
            String baseUrl, long seed, Path resultsRoot, Map<String, String> options) {
        Path results = createFolder(resultsRoot.resolve("seed-" + seed + "-" + System.nanoTime()));
        Map<String, String> properties = new LinkedHashMap<>(options);
        properties.put("baseUrl", baseUrl);
        properties.put("seed", Long.toString(seed));
        properties.put("resultsFolder", results.toString());
        Map<String, String> previous = new LinkedHashMap<>();
        properties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        long started = System.nanoTime();
        int status;
        try {
            status = Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", ClinicReservationSimulation.class.getName(),
                "--results-folder", results.toString(),
                "--no-reports"
            });
        } finally {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - started);
        Path runFolder = runFolder(results, seed, status);
        return new LoadTestRun(seed, status, RunSummary.read(runFolder.resolve(RunSummary.FILE)), runFolder, wallTime);
    }

    public boolean succeeded() {
        return gatlingStatus == SUCCESS;
    }

    public boolean assertionsFailed() {
        return gatlingStatus == ASSERTIONS_FAILED;
    }

    /** Where to look when a run surprises: its folder holds clinic-summary.json and clinic_test.log. */
    public String describe() {
        return "seed " + seed + " (Gatling status " + gatlingStatus + ", " + runFolder + ")";
    }

    /** The one folder Gatling made for the run, with our summary in it. */
    private static Path runFolder(Path results, long seed, int status) {
        try (Stream<Path> entries = Files.list(results)) {
            List<Path> runs = entries.filter(run -> Files.isRegularFile(run.resolve(RunSummary.FILE)))
                    .toList();
            if (runs.size() != 1) {
                throw new IllegalStateException(
                        "seed " + seed + ": expected one run folder with clinic-summary.json in " + results
                                + " (Gatling status " + status + "), found " + runs.size());
            }
            return runs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + results, e);
        }
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }
}
