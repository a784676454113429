package clinic.simulation.compare;

import clinic.simulation.output.RunSummary;
import java.util.List;

/**
 * One figure of the two sets side by side, and what the runs say about the difference.
 *
 * @param change the candidate against the baseline (the Hodges-Lehmann shift): percent for a relative
 *     figure, percentage points for a share
 * @param low the lower end of the interval of {@code change}, in its units; null when there were too few runs
 * @param high its upper end; null likewise
 * @param confidence the interval's exact confidence; null without an interval
 * @param note why there is no interval, or that every run of both sets gave the same value; null otherwise
 */
public record FigureResult(
        String key,
        String label,
        String unit,
        Figure.Scale scale,
        boolean lowerIsBetter,
        boolean gate,
        Values baseline,
        Values candidate,
        double change,
        Double low,
        Double high,
        Double confidence,
        Verdict verdict,
        String note) {

    /** What the runs say, in the console's words. */
    public enum Verdict {
        BETTER("나아짐", "✅"),
        WORSE("나빠짐", "❌"),
        SAME("차이 없음 (잡음 범위)", "➖");

        private final String label;
        private final String mark;

        Verdict(String label, String mark) {
            this.label = label;
            this.mark = mark;
        }

        public String label() {
            return label;
        }

        public String mark() {
            return mark;
        }
    }

    static final String IDENTICAL = "두 세트의 모든 실행이 같은 값";
    static final String TOO_FEW_RUNS = "실행이 적어 신뢰구간 없음";

    /**
     * A set's values of the figure.
     *
     * @param runs one value per finished run, in order
     */
    public record Values(List<Double> runs, double median, double min, double max) {

        static Values of(List<Double> runs) {
            double[] sorted =
                    runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Values(
                    runs.stream().map(FigureResult::rounded).toList(),
                    rounded(Shift.median(sorted)),
                    rounded(sorted[0]),
                    rounded(sorted[sorted.length - 1]));
        }
    }

    /**
     * The figure compared: better or worse only when the whole interval lies beyond the threshold on that
     * side, else no difference beyond the noise.
     *
     * @param threshold {@code maxRegressionPercent}: percent of a relative figure, points of a share
     * @param confidence the confidence the interval must have at least, e.g. 0.95
     */
    static FigureResult of(
            Figure figure, List<RunSummary> baseline, List<RunSummary> candidate, double threshold, double confidence) {
        return ofValues(
                figure,
                baseline.stream().map(figure.value()::applyAsDouble).toList(),
                candidate.stream().map(figure.value()::applyAsDouble).toList(),
                threshold,
                confidence);
    }

    /** The same from the figure's values, one per run of each set. */
    static FigureResult ofValues(
            Figure figure, List<Double> before, List<Double> after, double threshold, double confidence) {
        if (before.stream().distinct().count() == 1
                && after.stream().distinct().count() == 1
                && before.get(0).equals(after.get(0))) {
            return result(figure, before, after, 0, 0.0, 0.0, null, Verdict.SAME, IDENTICAL);
        }
        Shift shift = Shift.between(measured(figure, before), measured(figure, after), confidence);
        double change = figure.shown(shift.estimate());
        if (shift.low() == null) {
            return result(figure, before, after, change, null, null, null, Verdict.SAME, TOO_FEW_RUNS);
        }
        double low = figure.shown(shift.low());
        double high = figure.shown(shift.high());
        double regression = figure.lowerIsBetter() ? low : -high;
        double improvement = figure.lowerIsBetter() ? -high : low;
        Verdict verdict =
                regression > threshold ? Verdict.WORSE : improvement > threshold ? Verdict.BETTER : Verdict.SAME;
        return result(figure, before, after, change, low, high, shift.confidence(), verdict, null);
    }

    private static FigureResult result(
            Figure figure,
            List<Double> before,
            List<Double> after,
            double change,
            Double low,
            Double high,
            Double confidence,
            Verdict verdict,
            String note) {
        return new FigureResult(
                figure.key(),
                figure.label(),
                figure.unit(),
                figure.scale(),
                figure.lowerIsBetter(),
                figure.gate(),
                Values.of(before),
                Values.of(after),
                rounded(change),
                low == null ? null : rounded(low),
                high == null ? null : rounded(high),
                confidence == null ? null : Math.round(confidence * 1000) / 1000.0,
                verdict,
                note);
    }

    private static double[] measured(Figure figure, List<Double> values) {
        return values.stream().mapToDouble(figure::measured).toArray();
    }

    /** Whether any run of either set gave this figure a value other than 0: a figure worth a console line. */
    boolean seen() {
        return baseline.max() != 0 || candidate.max() != 0 || baseline.min() != 0 || candidate.min() != 0;
    }

    private static double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
