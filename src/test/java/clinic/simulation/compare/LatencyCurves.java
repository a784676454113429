package clinic.simulation.compare;

import clinic.simulation.output.AttemptsFile;
import clinic.simulation.output.Latency;
import clinic.simulation.output.RunSummary;
import clinic.simulation.output.RunSummary.StepName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The latency distributions compare.html overlays: every run of both sets, step by step. */
final class LatencyCurves {

    /** The percentiles of the reservations' latency drawn for each run (from its attempts file). */
    private static final int[] RESERVE_PERCENTILES = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 100};

    private LatencyCurves() {}

    /** One step's latency distribution of every run of both sets, for the page. */
    public record StepDistribution(String step, String label, List<RunCurve> runs) {}

    /**
     * One run's latency by percentile.
     *
     * @param set {@code baseline} or {@code candidate}
     * @param points [percentile, milliseconds] pairs, in order
     */
    public record RunCurve(String set, int run, List<double[]> points) {}

    static List<StepDistribution> of(ComparedSet baseline, ComparedSet candidate) {
        List<StepDistribution> steps = new ArrayList<>();
        for (StepName step : StepName.values()) {
            List<RunCurve> runs = Stream.concat(
                            baseline.finished().stream().map(run -> curve("baseline", run, step)),
                            candidate.finished().stream().map(run -> curve("candidate", run, step)))
                    .filter(curve -> !curve.points().isEmpty())
                    .toList();
            steps.add(new StepDistribution(step.name(), step.label(), runs));
        }
        return steps;
    }

    /**
     * A run's latency by percentile: for the reservations every {@link #RESERVE_PERCENTILES} from its attempts
     * file; for the other steps (whose requests the run does not keep one by one) p50, p95, p99 and the maximum
     * from its summary. No points for a step without requests.
     */
    private static RunCurve curve(String set, ComparedSet.Finished run, StepName step) {
        RunSummary.Step figures = run.summary().steps().stream()
                .filter(each -> each.name() == step)
                .findFirst()
                .orElse(null);
        List<double[]> points = new ArrayList<>();
        Path attempts = run.runFolder().resolve(AttemptsFile.FILE);
        if (figures == null || figures.requests() == 0) {
            return new RunCurve(set, run.run().number(), points);
        }
        if (step == StepName.RESERVE && Files.isRegularFile(attempts)) {
            List<Long> latencies = AttemptsFile.read(attempts).stream()
                    .map(AttemptsFile.Attempt::latencyMs)
                    .sorted()
                    .toList();
            for (int percentile : RESERVE_PERCENTILES) {
                points.add(new double[] {percentile, Latency.percentile(latencies, percentile)});
            }
        } else {
            Latency latency = figures.latencyMs();
            points.add(new double[] {50, latency.p50()});
            points.add(new double[] {95, latency.p95()});
            points.add(new double[] {99, latency.p99()});
            points.add(new double[] {100, latency.max()});
        }
        return new RunCurve(set, run.run().number(), points);
    }
}
