package clinic.simulation.compare;

import clinic.simulation.launch.FreshWeeks;
import clinic.simulation.options.Option;
import clinic.simulation.options.OptionReader;
import clinic.simulation.output.RunSummary;
import java.util.regex.Pattern;

/**
 * Repeated runs and their comparison: {@code -Drepeat=N} runs the scenario N times on fresh weeks as a set
 * labelled {@code -Dlabel}, and {@code -Dbaseline} compares that set with the newest set of that label.
 *
 * @param repeat how many runs; null for a single run, which takes none of these options
 * @param maxRegressionPercent the practical threshold: a figure is worse or better only when its whole
 *     interval lies beyond it (percent of a latency or a rate, points of a share)
 * @param pauseSeconds the wait between two runs when the user asks for one; null: the rate-limit window
 *     only after a run the backend answered {@code rate_limited} ({@link FreshWeeks#pauseAfter})
 */
public record CompareOptions(
        Integer repeat, String label, String baseline, double maxRegressionPercent, Integer pauseSeconds) {

    /** Without {@code -Dlabel}. */
    static final String DEFAULT_LABEL = "set";

    static final double DEFAULT_MAX_REGRESSION_PERCENT = 10;
    /** A label names folders: letters, digits, dot, dash and underscore. */
    private static final Pattern LABEL_TEXT = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    /** Reads the options; their errors are thrown with the run's own by {@code RunOptions.read}. */
    public static CompareOptions read(OptionReader reader) {
        if (!reader.given(Option.REPEAT)) {
            for (Option option : Option.of(Option.Concern.COMPARE)) {
                if (reader.given(option)) {
                    reader.error(option + " belongs to a set of repeated runs: add -Drepeat=N (N runs on fresh "
                            + "weeks), or drop " + option);
                }
            }
            return new CompareOptions(null, null, null, DEFAULT_MAX_REGRESSION_PERCENT, null);
        }
        return new CompareOptions(
                reader.integer(Option.REPEAT, 5, 2, Shift.MAX_RUNS),
                label(reader, Option.LABEL, DEFAULT_LABEL),
                label(reader, Option.BASELINE, null),
                reader.decimal(Option.MAX_REGRESSION_PERCENT, DEFAULT_MAX_REGRESSION_PERCENT, 1, 100),
                reader.integerIfGiven(Option.REPEAT_PAUSE_SECONDS, 0, 3600));
    }

    private static String label(OptionReader reader, Option option, String defaultValue) {
        String value = reader.text(option);
        if (value == null) {
            return defaultValue;
        }
        if (!LABEL_TEXT.matcher(value).matches()) {
            reader.error(
                    option + " names a set's folder: 1 to 40 letters, digits, '.', '-' or '_', got '" + value + "'");
            return defaultValue;
        }
        return value;
    }

    /** The wait before the run after {@code last}: null before the first run, or when the last left no summary. */
    int pauseAfter(RunSummary last) {
        return FreshWeeks.pauseAfter(
                pauseSeconds, last != null && last.reservations().rateLimited());
    }

    /** Whether a set of repeated runs was asked for. */
    public boolean repeated() {
        return repeat != null;
    }
}
