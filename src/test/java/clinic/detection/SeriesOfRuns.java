package clinic.detection;

import java.time.Duration;
import java.util.List;

/**
 * The runs of one target (a server with one fault, or the correct server on one database), each judged
 * by what the target must show.
 *
 * @param order  the row of the detection table
 * @param target e.g. {@code overbook} or {@code none (correct server, PostgreSQL)}
 * @param check  the check expected to catch the fault, or what a clean run means
 * @param ended  when the series ended (UTC, to the second), so that a row left by an earlier build shows as such
 */
public record SeriesOfRuns(
        int order, String target, String check, boolean expectsDetection, List<JudgedRun> runs, String ended) {

    /** @param problems why the run did not show what it should; empty when it did */
    public record JudgedRun(long seed, long wallTimeMs, List<String> problems, String folder) {
        public boolean asExpected() {
            return problems.isEmpty();
        }
    }

    public long asExpected() {
        return runs.stream().filter(JudgedRun::asExpected).count();
    }

    public List<Long> seeds() {
        return runs.stream().map(JudgedRun::seed).toList();
    }

    public Duration wallTime() {
        return Duration.ofMillis(runs.stream().mapToLong(JudgedRun::wallTimeMs).sum());
    }

    /** Every run that did not show what it should, with its seed, reasons and run folder. */
    public String failures() {
        StringBuilder text = new StringBuilder();
        runs.stream()
                .filter(run -> !run.asExpected())
                .forEach(run -> text.append("\n  seed ")
                        .append(run.seed())
                        .append(" (")
                        .append(run.folder())
                        .append("):\n    - ")
                        .append(String.join("\n    - ", run.problems())));
        return text.toString();
    }
}
