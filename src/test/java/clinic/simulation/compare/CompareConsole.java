package clinic.simulation.compare;

import clinic.simulation.compare.Comparison.RunDigest;
import clinic.simulation.compare.Comparison.SetDigest;
import clinic.simulation.output.RunSummary;
import java.util.List;
import java.util.Locale;

/** A comparison on the console, in the original tool's style: one line per figure, then the verdict. */
public final class CompareConsole {

    private CompareConsole() {}

    /** Every line: the two sets and the method, each figure seen in a run, the audits, the verdict. */
    public static String render(Comparison comparison) {
        SetDigest before = comparison.baseline();
        SetDigest after = comparison.candidate();
        Comparison.Method method = comparison.method();
        String threshold = number(method.maxRegressionPercent());
        StringBuilder text = new StringBuilder();
        text.append("📊 변경 전후 비교: %s (%d회) ↔ 기준 %s (%d회)\n"
                .formatted(
                        after.label(),
                        after.runs().size(),
                        before.label(),
                        before.runs().size()));
        text.append("   방법: 실행별 값의 Hodges-Lehmann 차이, Mann-Whitney 신뢰구간 (신뢰도 %s%% 이상), 임계값 ±%s%% (비율은 ±%s%%p)\n"
                .formatted(number(100 * method.confidence()), threshold, threshold));
        if (comparison.figures().stream().anyMatch(figure -> FigureResult.TOO_FEW_RUNS.equals(figure.note()))) {
            text.append("⚠️  세트마다 %d회 이상이어야 신뢰구간이 생깁니다: 그보다 적은 실행으로는 어떤 차이도 잡음과 구별되지 않습니다\n"
                    .formatted(Shift.fewestRuns(method.confidence())));
        }
        comparison
                .optionsThatDiffer()
                .forEach(difference ->
                        text.append("⚠️  두 세트의 옵션이 다릅니다: ").append(difference).append('\n'));
        comparison.figures().stream()
                .filter(FigureResult::seen)
                .forEach(figure -> text.append(line(figure)).append('\n'));
        text.append("🛡️ 감사: 기준 %s, 후보 %s; %s\n"
                .formatted(
                        audits(before),
                        audits(after),
                        comparison.acceptedFindings().text()));
        before.runs().stream()
                .filter(run -> !run.auditPassed())
                .forEach(run -> text.append(
                        "   ⚠️  기준 실행 %d (seed %d): %s\n".formatted(run.number(), run.seed(), run.auditText())));
        return text.append(verdict(comparison)).toString();
    }

    /**
     * One figure: the two sets' medians with their spread over the runs, the change with its interval and
     * confidence, and the verdict, e.g. {@code ⏱️ 예약 p95: 73 ms (69–80) → 92 ms (88–97): +26.0% [96.8% 구간 +18.1% ~
     * +33.4%] ❌ 나빠짐}.
     */
    static String line(FigureResult figure) {
        String icon = figure.unit().equals("ms") ? "⏱️ " : figure.unit().equals("/s") ? "🚀 " : "🔍 ";
        return icon + figure.label() + ": " + values(figure.baseline(), figure.unit()) + " → "
                + values(figure.candidate(), figure.unit()) + ": " + change(figure) + " "
                + figure.verdict().mark() + " "
                + figure.verdict().label();
    }

    /** The change with its interval, e.g. {@code +26.0% [96.8% 구간 +18.1% ~ +33.4%]}. */
    static String change(FigureResult figure) {
        String unit = figure.scale() == Figure.Scale.RELATIVE ? "%" : "%p";
        String change = signed(figure.change()) + unit;
        if (figure.note() != null) {
            return change + " [" + figure.note() + "]";
        }
        return change + " [" + number(100 * figure.confidence()) + "% 구간 " + signed(figure.low()) + unit + " ~ "
                + signed(figure.high()) + unit + "]";
    }

    static String values(FigureResult.Values values, String unit) {
        String spread =
                values.min() == values.max() ? "" : " (" + decimal(values.min()) + "–" + decimal(values.max()) + ")";
        return decimal(values.median()) + (unit.equals("ms") ? " " : "") + unit + spread;
    }

    private static String audits(SetDigest set) {
        return set.auditsPassed() + "/" + set.runs().size() + " 통과";
    }

    /** The last line: the gate, and why it failed. */
    static String verdict(Comparison comparison) {
        Comparison.Gate gate = comparison.gate();
        if (gate.passed()) {
            return "🏁 판정: ✅ 통과 (예약 p95 와 초당 확정 예약이 임계값 "
                    + number(comparison.method().maxRegressionPercent()) + "% 를 넘어 나빠지지 않았고, 후보의 감사가 모두 통과했습니다)";
        }
        return "🏁 판정: ❌ 실패\n   - " + String.join("\n   - ", gate.reasons());
    }

    /**
     * A run of a set as it ends, e.g. {@code ✅ 실행 1/5 (seed 42): 예약 p95 73 ms, 확정 31석, 감사 통과, 6.2 s}.
     *
     * @param summary the run's summary; null when it left none
     */
    static String runLine(RunSet.Run run, RunSummary summary, int of) {
        if (summary == null) {
            return "  ❌ 실행 " + run.number() + "/" + of + " (seed " + run.seed() + "): 실행 미완료, " + run.seconds()
                    + " s\n    " + run.problem().replace("\n", "\n    ");
        }
        RunDigest digest = RunDigest.of(run, summary, 0, null);
        return (digest.auditPassed() ? "  ✅ " : "  ❌ ") + "실행 " + run.number() + "/" + of + " (seed " + run.seed()
                + "): 예약 p95 " + digest.reservationP95Ms() + " ms, 확정 " + digest.reserved() + "석, "
                + digest.auditText() + ", " + run.seconds() + " s";
    }

    /**
     * A set without a comparison: how many runs finished, the medians (and spread) of the gate's figures and
     * of the reserved seats, the audits.
     */
    static String setSummary(ComparedSet set) {
        List<RunSummary> summaries = set.summaries();
        FigureResult.Values p95 = values(summaries, Figure.RESERVE_P95);
        FigureResult.Values perSecond = values(summaries, Figure.COMMITTED_PER_SECOND);
        FigureResult.Values reserved = FigureResult.Values.of(summaries.stream()
                .map(summary -> (double) summary.reservations().reserved())
                .toList());
        long passed = summaries.stream()
                .filter(summary -> summary.audit().ran() && summary.audit().passed())
                .count();
        return "🔁 세트 " + set.set().label() + ": " + set.set().runs().size() + "회 중 " + summaries.size()
                + "회 완료, 예약 p95 " + values(p95, "ms") + ", 초당 확정 예약 " + values(perSecond, "/s") + ", 확정 예약 "
                + values(reserved, "석") + ", 감사 " + passed + "/"
                + set.set().runs().size() + " 통과\n"
                + "💡 비교: 변경 후 같은 옵션과 -Dseed=" + set.set().seed() + " 로 -Drepeat="
                + set.set().runs().size()
                + " -Dlabel=<새 라벨> -Dbaseline=" + set.set().label();
    }

    private static FigureResult.Values values(List<RunSummary> summaries, String key) {
        return FigureResult.Values.of(
                summaries.stream().map(Figure.named(key).value()::applyAsDouble).toList());
    }

    static String signed(double value) {
        return (value > 0 ? "+" : value < 0 ? "−" : "±") + decimal(Math.abs(value));
    }

    /** A number as people write it, to a tenth: no decimals when it has none. */
    static String number(double value) {
        double tenths = Math.round(value * 10) / 10.0;
        return tenths == Math.rint(tenths) ? Long.toString((long) tenths) : decimal(tenths);
    }

    private static String decimal(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value)
                ? Long.toString(Math.round(value))
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
