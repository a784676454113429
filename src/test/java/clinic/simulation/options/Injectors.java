package clinic.simulation.options;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Several load generators sharing one run: this one's slice of the students, and the instant at which
 * every injector's students start reserving.
 *
 * @param openAt when the students start reserving; null: when all of this injector's have read the schedule
 */
public record Injectors(InjectorShard shard, Instant openAt) {

    /** Load generators of one run: far more than any academy's opening moment needs. */
    static final int MAX_INJECTORS = 100;
    /** How far ahead an opening moment may be: the run waits for it, bounded like everything else. */
    static final Duration MAX_OPENING_WAIT = Duration.ofHours(24);

    static Injectors read(OptionReader reader, int students) {
        Instant now = Instant.now();
        Instant openAt = reader.parsed(Option.OPEN_AT, null, Injectors::instant);
        if (openAt != null && openAt.isBefore(now)) {
            reader.error("openAt " + openAt + " is already past (now " + now.truncatedTo(ChronoUnit.SECONDS)
                    + "): give an instant ahead, long enough for every student to log in first");
        } else if (openAt != null && Duration.between(now, openAt).compareTo(MAX_OPENING_WAIT) > 0) {
            reader.error("openAt " + openAt + " is more than " + MAX_OPENING_WAIT.toHours() + " hours ahead");
        }
        return new Injectors(shard(reader, students), openAt);
    }

    /** This injector's slice of the students; alone unless injectorCount is above 1. */
    private static InjectorShard shard(OptionReader reader, int students) {
        int count = reader.integer(Option.INJECTOR_COUNT, 1, 1, MAX_INJECTORS);
        int index = reader.integer(Option.INJECTOR_INDEX, 1, 1, MAX_INJECTORS);
        if (index > count) {
            reader.error("injectorIndex (" + index + ") must not be above injectorCount (" + count + ")");
            return InjectorShard.ALONE;
        }
        if (count > students) {
            reader.error("injectorCount (" + count + ") must not be above students (" + students
                    + "): every injector needs a student");
            return InjectorShard.ALONE;
        }
        return new InjectorShard(count, index);
    }

    /** An ISO-8601 instant with its offset ({@code 2026-12-01T10:00:00+09:00}) or in UTC ({@code ...Z}). */
    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "an ISO-8601 instant with its offset such as 2026-12-01T10:00:00+09:00, got '" + text + "'");
        }
    }

    /** How long the run waits, from now, for its opening instant. */
    public Duration openingWait() {
        if (openAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), openAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        if (!shard.alone()) {
            described.put(Option.INJECTOR_COUNT.key(), shard.count());
            described.put(Option.INJECTOR_INDEX.key(), shard.index());
        }
        if (openAt != null) {
            described.put(Option.OPEN_AT.key(), openAt.toString());
        }
        return described;
    }
}
