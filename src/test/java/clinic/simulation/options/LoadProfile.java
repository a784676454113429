package clinic.simulation.options;

import clinic.server.FixtureSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The knobs of the students' arrival: which of the simulation's injection shapes ({@code -Dprofile}) and
 * its numbers. The shapes themselves are written in the simulation class, beside {@code setUp}; the run
 * has as many students as its injection brings.
 *
 * @param students the students an {@code atOnce} or {@code ramp} run injects; for {@code constantRate},
 *     usersPerSec × durationSeconds
 */
public record LoadProfile(Shape shape, int students, double rampSeconds, double usersPerSec, double durationSeconds) {

    /** The injection shapes the simulation offers as shortcuts. */
    public enum Shape {
        /** Everybody at the same instant, like the original tool. */
        AT_ONCE("atOnce"),
        /** Linear arrival over {@code rampSeconds}. */
        RAMP("ramp"),
        /** {@code usersPerSec} for {@code durationSeconds}. */
        CONSTANT_RATE("constantRate");

        private final String optionValue;

        Shape(String optionValue) {
            this.optionValue = optionValue;
        }

        public String optionValue() {
            return optionValue;
        }

        static Shape fromOptionValue(String value) {
            for (Shape shape : values()) {
                if (shape.optionValue.equals(value)) {
                    return shape;
                }
            }
            String[] known = Arrays.stream(values()).map(Shape::optionValue).toArray(String[]::new);
            String expected = Arrays.stream(known, 0, known.length - 1).collect(Collectors.joining(", ")) + " or "
                    + known[known.length - 1];
            throw new IllegalArgumentException("unknown profile '" + value + "' (expected " + expected + ")");
        }
    }

    static LoadProfile read(OptionReader reader) {
        Shape chosen = reader.parsed(Option.PROFILE, Shape.AT_ONCE.optionValue(), Shape::fromOptionValue);
        Shape shape = chosen == null ? Shape.AT_ONCE : chosen;
        double rampSeconds = reader.decimal(Option.RAMP_SECONDS, 10, 0.001, 3600);
        double usersPerSec = reader.decimal(Option.USERS_PER_SEC, 5, 0.001, 1000);
        double durationSeconds = reader.decimal(Option.DURATION_SECONDS, 4, 0.001, 3600);
        int requested = reader.integer(Option.STUDENTS, FixtureSpec.DEFAULT_STUDENTS, 1, FixtureSpec.MAX_STUDENTS);
        int students = shape == Shape.CONSTANT_RATE
                ? constantRateStudents(reader, requested, usersPerSec, durationSeconds)
                : requested;
        return new LoadProfile(shape, students, rampSeconds, usersPerSec, durationSeconds);
    }

    /** Without {@code students}, usersPerSec × durationSeconds is the number of students; with it, they must agree. */
    private static int constantRateStudents(
            OptionReader reader, int requested, double usersPerSec, double durationSeconds) {
        double arriving = usersPerSec * durationSeconds;
        long rounded = Math.round(arriving);
        if (Math.abs(arriving - rounded) > 1e-9 || rounded < 1 || rounded > FixtureSpec.MAX_STUDENTS) {
            reader.error("profile=constantRate needs usersPerSec × durationSeconds to be a whole number of "
                    + "students between 1 and " + FixtureSpec.MAX_STUDENTS + ", got " + usersPerSec + " × "
                    + durationSeconds + " = " + arriving);
            return requested;
        }
        if (reader.given(Option.STUDENTS) && rounded != requested) {
            reader.error("profile=constantRate brings usersPerSec × durationSeconds = " + rounded
                    + " students but students=" + requested + ": drop students or make them agree");
            return requested;
        }
        return (int) rounded;
    }

    public Duration ramp() {
        return seconds(rampSeconds);
    }

    public Duration duration() {
        return seconds(durationSeconds);
    }

    /**
     * How long the simulation's shapes take to bring the students, for a bound set outside the simulation
     * (the capacity search's steps); the run itself measures its real injection.
     */
    public Duration nominalArrivals() {
        return switch (shape) {
            case AT_ONCE -> Duration.ZERO;
            case RAMP -> ramp();
            case CONSTANT_RATE -> duration();
        };
    }

    /** The same knobs for another number of students: what the injection brought. */
    LoadProfile withStudents(int injected) {
        return new LoadProfile(shape, injected, rampSeconds, usersPerSec, durationSeconds);
    }

    /** The shape and its own knobs, as the summary lists them. */
    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put(Option.PROFILE.key(), shape.optionValue());
        switch (shape) {
            case RAMP -> described.put(Option.RAMP_SECONDS.key(), rampSeconds);
            case CONSTANT_RATE -> {
                described.put(Option.DURATION_SECONDS.key(), durationSeconds);
                described.put(Option.USERS_PER_SEC.key(), usersPerSec);
            }
            case AT_ONCE -> {}
        }
        return described;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
