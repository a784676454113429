package clinic.simulation.capacity;

import clinic.server.FixtureSpec;
import clinic.simulation.launch.FreshWeeks;
import clinic.simulation.options.Option;
import clinic.simulation.options.OptionReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capacity search's bounds: it starts at {@code searchStartStudents}, multiplies by {@code searchGrowth}
 * until a step breaks the service level or reaches {@code searchMaxStudents}, then halves the gap until it
 * is within {@code searchResolution}.
 *
 * @param resolution the largest gap, as a share of the last good step, left between the last good and the
 *     first bad step (at least one student)
 * @param pauseSeconds the wait between two steps when the user asks for one; null: a wait of the contract's
 *     rate-limit window only after a step the backend answered {@code rate_limited}, so that its window
 *     forgets that step (the embedded server's reload clears its limiter anyway)
 */
public record SearchOptions(
        int startStudents, int maxStudents, double growth, double resolution, int maxMinutes, Integer pauseSeconds) {

    /** Reads the search's options; their errors are thrown with the run's own by {@code RunOptions.read}. */
    public static SearchOptions read(OptionReader reader) {
        int max = reader.integer(Option.SEARCH_MAX_STUDENTS, 1000, 1, FixtureSpec.MAX_STUDENTS);
        int start = reader.integer(Option.SEARCH_START_STUDENTS, Math.min(FixtureSpec.DEFAULT_STUDENTS, max), 1, max);
        return new SearchOptions(
                start,
                max,
                reader.decimal(Option.SEARCH_GROWTH, 2.0, 1.1, 10),
                reader.decimal(Option.SEARCH_RESOLUTION, 0.05, 0.001, 0.5),
                reader.integer(Option.SEARCH_MAX_MINUTES, 30, 1, 24 * 60),
                reader.integerIfGiven(Option.SEARCH_PAUSE_SECONDS, 0, 3600));
    }

    /** The wait before the next step, after {@code last}: the user's, or the rate limit's window when it showed. */
    int pauseAfter(SearchStep last) {
        return FreshWeeks.pauseAfter(
                pauseSeconds, last != null && last.breaches().contains(SearchStep.Breach.RATE_LIMITED));
    }

    public Duration maxTime() {
        return Duration.ofMinutes(maxMinutes);
    }

    /** The search's options as capacity-search.json lists them. */
    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put(Option.SEARCH_START_STUDENTS.key(), startStudents);
        described.put(Option.SEARCH_MAX_STUDENTS.key(), maxStudents);
        described.put(Option.SEARCH_GROWTH.key(), growth);
        described.put(Option.SEARCH_RESOLUTION.key(), resolution);
        described.put(Option.SEARCH_MAX_MINUTES.key(), maxMinutes);
        if (pauseSeconds != null) {
            described.put(Option.SEARCH_PAUSE_SECONDS.key(), pauseSeconds);
        }
        return described;
    }
}
