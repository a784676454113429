package clinic.simulation.compare;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mvn -q test-compile exec:java@compare -Dexec.args="before after"}: compares two existing sets of
 * repeated runs, each given by its folder or by its label (the newest set of that label in the results
 * folder), as {@code -Dbaseline} does at the end of a set. Writes compare.json and compare.html into the
 * candidate's folder. Exit 0 when the gate passes, 1 when it fails, 2 on bad input (one line says which).
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Compares a candidate set of repeated runs with a baseline set: every figure with its "
                + "verdict beyond the noise, and the gate (exit 1 when it fails).")
public final class CompareCommand implements Callable<Integer> {

    static final int GATE_FAILED = 1;
    static final int BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "the baseline set: its folder or its label")
    String baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "the candidate set: its folder or its label")
    String candidate;

    @Option(
            names = "--results",
            paramLabel = "FOLDER",
            description = "where labels are looked up (default: ${DEFAULT-VALUE})")
    Path results = Path.of("results");

    @Option(
            names = "--max-regression-percent",
            paramLabel = "PERCENT",
            description = "the threshold (default: ${DEFAULT-VALUE}): worse or better only when a figure's whole "
                    + "interval lies beyond it")
    double maxRegressionPercent = CompareOptions.DEFAULT_MAX_REGRESSION_PERCENT;

    private final PrintStream out;
    private final Consumer<Path> written;

    /**
     * @param written told the results folder once a comparison is written there (the history of the results)
     */
    public CompareCommand(PrintStream out, Consumer<Path> written) {
        this.out = out;
        this.written = written;
    }

    @Override
    public Integer call() {
        ComparedSet before;
        ComparedSet after;
        try {
            if (maxRegressionPercent < 1 || maxRegressionPercent > 100) {
                throw new IllegalArgumentException(
                        "--max-regression-percent 는 1 에서 100 사이여야 합니다: " + maxRegressionPercent);
            }
            before = ComparedSet.load(locate(baseline));
            after = ComparedSet.load(locate(candidate));
            if (before.folder()
                    .toAbsolutePath()
                    .normalize()
                    .equals(after.folder().toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("기준과 후보가 같은 세트입니다: " + before.folder());
            }
        } catch (IllegalArgumentException e) {
            out.println("❌ " + e.getMessage());
            return BAD_INPUT;
        }
        Comparison comparison = Comparison.of(before, after, maxRegressionPercent, after.folder());
        Path page = comparison.write(after.folder());
        out.println(CompareConsole.render(comparison));
        out.println("📁 " + Comparison.FILE + ": " + after.folder().toAbsolutePath());
        out.println("📊 비교 보고서: " + page.toAbsolutePath().toUri());
        written.accept(after.folder().toAbsolutePath().getParent());
        return comparison.gate().passed() ? 0 : GATE_FAILED;
    }

    /** A folder as given, or the newest set of a label in the results folder. */
    private Path locate(String set) {
        Path folder = Path.of(set);
        if (Files.isDirectory(folder) || set.contains("/") || set.contains(java.io.File.separator)) {
            return folder;
        }
        return RunSet.latest(results, set)
                .orElseThrow(() -> new IllegalArgumentException("'" + set + "' 은(는) 폴더도 아니고 " + results
                        + " 에 있는 세트의 라벨도 아닙니다 (있는 세트: "
                        + (RunSet.labels(results).isEmpty() ? "없음" : String.join(", ", RunSet.labels(results)))
                        + ")"));
    }
}
