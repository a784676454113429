package clinic.simulation.compare;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.output.Latency;
import clinic.simulation.output.Opening;
import clinic.simulation.output.RunSummary;
import clinic.simulation.output.RunSummary.StepName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One figure of a run that a comparison puts side by side: one value per run, read from its summary.
 *
 * @param key its name in compare.json, e.g. {@code RESERVE.p95}
 * @param label its name on the console and the page, e.g. {@code 예약 p95}
 * @param unit {@code ms}, {@code /s} or {@code %}
 * @param scale how a difference is measured and held against the threshold
 * @param lowerIsBetter whether a lower value is the better one (latencies, refusals) or a higher one (throughput)
 * @param gate whether a significant regression of this figure fails the comparison's gate
 */
public record Figure(
        String key,
        String label,
        String unit,
        Scale scale,
        boolean lowerIsBetter,
        boolean gate,
        ToDoubleFunction<RunSummary> value) {

    /** How the two sets' values are set against each other. */
    public enum Scale {
        /**
         * As a ratio, on the log of the values: a latency or a rate that changes by a share of itself; the
         * threshold is that share ({@code maxRegressionPercent} %). Values below {@link #FLOOR} count as it.
         */
        RELATIVE,
        /**
         * As a difference of percentages: a share of the attempts, which may be 0 in a run; the threshold
         * is {@code maxRegressionPercent} percentage points.
         */
        POINTS
    }

    /** The smallest value a relative figure can take (1 ms, 0.01 per second): its log stays finite. */
    static final double FLOOR = 0.01;

    /** The reservation p95: its regression fails the gate. */
    public static final String RESERVE_P95 = StepName.RESERVE.name() + ".p95";
    /** Committed reservations per second: its regression fails the gate. */
    public static final String COMMITTED_PER_SECOND = "committedPerSecond";

    /**
     * Every figure compared, in the order they are shown: each step's p50, p95 and p99, committed
     * reservations per second, technical failures and the share of each business refusal.
     */
    public static List<Figure> all() {
        List<Figure> figures = new ArrayList<>();
        for (StepName step : StepName.values()) {
            figures.add(latency(step, "p50", false, Latency::p50));
            figures.add(latency(step, "p95", step == StepName.RESERVE, Latency::p95));
            figures.add(latency(step, "p99", false, Latency::p99));
        }
        figures.add(new Figure(
                COMMITTED_PER_SECOND, "초당 확정 예약", "/s", Scale.RELATIVE, false, true, Figure::committedPerSecond));
        figures.add(new Figure(
                "technicalFailures",
                "기술 오류 비율 (5xx, 응답 없음, 예상 밖 응답)",
                "%",
                Scale.POINTS,
                true,
                false,
                summary -> share(summary, summary.reservations().technicalFailures())));
        Arrays.stream(RejectionReason.values())
                .filter(reason -> reason != RejectionReason.RESERVED && !reason.technical())
                .forEach(reason -> figures.add(new Figure(
                        "refused." + reason.name(),
                        "거절 비율 " + reason.name() + " (" + reason.meaning() + ")",
                        "%",
                        Scale.POINTS,
                        true,
                        false,
                        summary -> share(summary, summary.reservations().count(reason)))));
        return List.copyOf(figures);
    }

    /** The figure of {@code key}, one of {@link #all()}'s. */
    public static Figure named(String key) {
        return all().stream()
                .filter(figure -> figure.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + key));
    }

    private static Figure latency(StepName step, String percentile, boolean gate, ToLongFunction<Latency> pick) {
        return new Figure(
                step.name() + "." + percentile,
                step.label() + " " + percentile,
                "ms",
                Scale.RELATIVE,
                true,
                gate,
                summary -> summary.steps().stream()
                        .filter(each -> each.name() == step)
                        .findFirst()
                        .map(each -> (double) pick.applyAsLong(each.latencyMs()))
                        .orElse(0.0));
    }

    /**
     * Reserved seats over the reservation phase: from the first reservation request to the audit, which
     * begins when the last student is done. 0 when nothing was sent.
     */
    static double committedPerSecond(RunSummary summary) {
        Opening opening = summary.opening();
        if (opening.firstSend() == null || opening.auditedAt() == null) {
            return 0;
        }
        Duration phase = Duration.between(Instant.parse(opening.firstSend()), Instant.parse(opening.auditedAt()));
        return phase.toMillis() <= 0 ? 0 : summary.reservations().reserved() * 1000.0 / phase.toMillis();
    }

    /** {@code count} as a percentage of the run's reservation attempts; 0 without attempts. */
    private static double share(RunSummary summary, int count) {
        int attempts = summary.reservations().attempts();
        return attempts == 0 ? 0 : 100.0 * count / attempts;
    }

    /** The value on the scale the difference is measured on: the log for a relative figure. */
    double measured(double value) {
        return scale == Scale.RELATIVE ? Math.log(Math.max(value, FLOOR)) : value;
    }

    /** A difference on the measured scale as the console says it: percent for a relative figure, else points. */
    double shown(double measuredDifference) {
        return scale == Scale.RELATIVE ? 100 * Math.expm1(measuredDifference) : measuredDifference;
    }
}
