package clinic.simulation.compare;

import clinic.simulation.answers.SimulationJson;
import clinic.simulation.output.RunSummary;
import clinic.simulation.report.ReportPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A candidate set of runs against a baseline set: every figure with its verdict, each run's audit, the
 * latency distributions, and the gate. What compare.json holds and compare.html shows.
 *
 * @param optionsThatDiffer options the two sets were not given alike (their seeds aside): the comparison
 *     then measures those too
 * @param acceptedFindings the findings accepted as known in each set, and whether the two agree
 */
public record Comparison(
        Method method,
        SetDigest baseline,
        SetDigest candidate,
        List<String> optionsThatDiffer,
        List<FigureResult> figures,
        AcceptedBySets acceptedFindings,
        List<LatencyCurves.StepDistribution> distributions,
        Gate gate,
        String comparedAt) {

    public static final String FILE = "compare.json";
    public static final String PAGE = "compare.html";
    /** The confidence every interval has at least. */
    static final double CONFIDENCE = 0.95;

    /**
     * How the verdicts are made.
     *
     * @param confidence the confidence every interval has at least (each figure gives its exact one)
     * @param maxRegressionPercent the threshold: a relative figure must move by more than this percentage, a
     *     share by more than this many points, with its whole interval beyond it
     */
    public record Method(String name, String description, double confidence, double maxRegressionPercent) {

        static Method of(double threshold) {
            return new Method(
                    "Hodges-Lehmann shift, exact Mann-Whitney confidence interval, over per-run values",
                    "실행마다 한 값(예: 그 실행의 예약 p95)을 얻고, 후보의 모든 실행과 기준의 모든 실행의 차이(지연시간과 처리량은 로그, "
                            + "비율은 %p)의 중앙값을 변화량으로, 그 차이들의 순위로 정한 신뢰구간(정확한 Mann-Whitney 분포)을 씁니다. "
                            + "구간 전체가 임계값 너머에 있을 때만 나빠짐/나아짐이고, 그 밖에는 잡음 범위 안의 차이 없음입니다. "
                            + "요청을 한데 모으지 않습니다: 실행에서 실행으로 달라지는 것이 잡음의 단위입니다.",
                    CONFIDENCE,
                    threshold);
        }
    }

    /**
     * One set as the comparison saw it.
     *
     * @param folder the set's folder; {@code link}: the same, relative to the comparison's files
     * @param runs every run of the set, with its audit and report
     */
    public record SetDigest(
            String label,
            String folder,
            String link,
            String createdAt,
            String target,
            int students,
            long seed,
            List<RunDigest> runs) {

        static SetDigest of(ComparedSet set, Path output) {
            List<RunDigest> runs = new ArrayList<>();
            for (RunSet.Run run : set.set().runs()) {
                ComparedSet.Finished finished = set.finished().stream()
                        .filter(each -> each.run().number() == run.number())
                        .findFirst()
                        .orElse(null);
                runs.add(
                        finished == null
                                ? RunDigest.unfinished(run)
                                : RunDigest.of(finished, relative(output, finished.runFolder())));
            }
            return new SetDigest(
                    set.set().label(),
                    set.folder().toAbsolutePath().toString(),
                    relative(output, set.folder()),
                    set.set().createdAt(),
                    set.set().target(),
                    set.set().students(),
                    set.set().seed(),
                    List.copyOf(runs));
        }

        /** The runs whose audit ran and passed, of all runs. */
        public long auditsPassed() {
            return runs.stream().filter(RunDigest::auditPassed).count();
        }
    }

    /**
     * One run of a set: its audit's verdict and its report.
     *
     * @param violations the audit's violations by kind, e.g. {@code OVER_CAPACITY ×3}
     * @param accepted how many findings the audit accepted as known
     * @param problem why the run left no summary; null when it did
     * @param report its clinic report, relative to the comparison's files; null without one
     */
    public record RunDigest(
            int number,
            long seed,
            boolean auditRan,
            boolean auditPassed,
            List<String> violations,
            int accepted,
            long reservationP95Ms,
            int reserved,
            String problem,
            String report) {

        static RunDigest of(ComparedSet.Finished finished, String runLink) {
            return of(finished.run(), finished.summary(), finished.accepted().size(), runLink + "/" + ReportPage.FILE);
        }

        static RunDigest of(RunSet.Run run, RunSummary summary, int accepted, String report) {
            RunSummary.Audit audit = summary.audit();
            return new RunDigest(
                    run.number(),
                    run.seed(),
                    audit.ran(),
                    audit.ran() && audit.passed(),
                    byKind(audit),
                    accepted,
                    summary.latencyMs().p95(),
                    summary.reservations().reserved(),
                    null,
                    report);
        }

        static RunDigest unfinished(RunSet.Run run) {
            return new RunDigest(run.number(), run.seed(), false, false, List.of(), 0, 0, 0, run.problem(), null);
        }

        private static List<String> byKind(RunSummary.Audit audit) {
            return audit.violations().stream()
                    .collect(Collectors.groupingBy(
                            finding -> finding.kind().name(), TreeMap::new, Collectors.counting()))
                    .entrySet()
                    .stream()
                    .map(kind -> kind.getKey() + " ×" + kind.getValue())
                    .toList();
        }

        /** The audit's verdict in the console's words. */
        public String auditText() {
            if (problem != null) {
                return "실행 미완료";
            }
            if (!auditRan) {
                return "감사 실행 안 됨";
            }
            return auditPassed ? "감사 통과" : "감사 실패 (" + String.join(", ", violations) + ")";
        }
    }

    /**
     * The findings each set's audits accepted as known (kind and subject, every run's together), which are
     * compared as such and never fail the gate.
     *
     * @param same whether both sets accepted exactly the same findings
     */
    public record AcceptedBySets(List<String> baseline, List<String> candidate, boolean same) {

        static AcceptedBySets of(ComparedSet baseline, ComparedSet candidate) {
            List<String> before = accepted(baseline);
            List<String> after = accepted(candidate);
            return new AcceptedBySets(before, after, before.equals(after));
        }

        private static List<String> accepted(ComparedSet set) {
            return set.finished().stream()
                    .flatMap(run -> run.accepted().stream())
                    .distinct()
                    .sorted()
                    .toList();
        }

        /** In the console's words, e.g. {@code 받아들인 발견 4건, 두 세트 같음}. */
        public String text() {
            if (same) {
                return "받아들인 발견 " + baseline.size() + "건, 두 세트 같음";
            }
            List<String> onlyBefore =
                    baseline.stream().filter(key -> !candidate.contains(key)).toList();
            List<String> onlyAfter =
                    candidate.stream().filter(key -> !baseline.contains(key)).toList();
            return "받아들인 발견 기준 " + baseline.size() + "건, 후보 " + candidate.size() + "건"
                    + (onlyAfter.isEmpty() ? "" : "; 후보에만: " + String.join(", ", onlyAfter))
                    + (onlyBefore.isEmpty() ? "" : "; 기준에만: " + String.join(", ", onlyBefore));
        }
    }

    /**
     * Whether the candidate may replace the baseline: not when its reservation p95 or its committed
     * reservations per second got significantly worse than the threshold, nor when any of its runs failed
     * its audit or did not finish.
     *
     * @param reasons why it fails, one line each; empty when it passes
     */
    public record Gate(boolean passed, List<String> reasons) {

        static Gate of(List<FigureResult> figures, SetDigest candidate, double threshold) {
            List<String> reasons = new ArrayList<>();
            figures.stream()
                    .filter(figure -> figure.gate() && figure.verdict() == FigureResult.Verdict.WORSE)
                    .forEach(figure -> reasons.add(figure.label() + " 이(가) 임계값 "
                            + CompareConsole.number(threshold) + "% 를 넘어 나빠졌습니다 (" + CompareConsole.change(figure)
                            + ")"));
            candidate.runs().stream()
                    .filter(run -> !run.auditPassed())
                    .forEach(run -> reasons.add("후보 실행 " + run.number() + " (seed " + run.seed() + "): "
                            + run.auditText() + (run.problem() == null ? "" : ": " + run.problem())));
            return new Gate(reasons.isEmpty(), List.copyOf(reasons));
        }
    }

    /**
     * Compares the candidate set with the baseline set; links in the result are relative to {@code output},
     * where its files go.
     *
     * @param threshold {@code maxRegressionPercent}
     */
    static Comparison of(ComparedSet baseline, ComparedSet candidate, double threshold, Path output) {
        List<FigureResult> figures = Figure.all().stream()
                .map(figure ->
                        FigureResult.of(figure, baseline.summaries(), candidate.summaries(), threshold, CONFIDENCE))
                .toList();
        SetDigest before = SetDigest.of(baseline, output);
        SetDigest after = SetDigest.of(candidate, output);
        return new Comparison(
                Method.of(threshold),
                before,
                after,
                optionsThatDiffer(baseline.set().options(), candidate.set().options()),
                figures,
                AcceptedBySets.of(baseline, candidate),
                LatencyCurves.of(baseline, candidate),
                Gate.of(figures, after, threshold),
                Instant.now().toString());
    }

    /** The figure of {@code key}. */
    public FigureResult figure(String key) {
        return figures.stream()
                .filter(figure -> figure.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + key));
    }

    /** compare.json and compare.html in {@code folder}; returns the page. */
    Path write(Path folder) {
        return ReportPage.writeWithData(folder, FILE, PAGE, "compare", this);
    }

    public static Comparison read(Path file) {
        try {
            return SimulationJson.MAPPER.readValue(file.toFile(), Comparison.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> optionsThatDiffer(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> all = new LinkedHashMap<>(before);
        after.forEach(all::putIfAbsent);
        return all.keySet().stream()
                .filter(name -> !name.equals("seed"))
                .filter(name -> !Objects.equals(before.get(name), after.get(name)))
                .map(name -> name + ": " + before.get(name) + " → " + after.get(name))
                .toList();
    }

    static String relative(Path from, Path to) {
        return from.toAbsolutePath()
                .normalize()
                .relativize(to.toAbsolutePath().normalize())
                .toString();
    }
}
