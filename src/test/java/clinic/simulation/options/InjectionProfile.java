package clinic.simulation.options;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import clinic.server.FixtureSpec;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the students arrive; a new profile is one more constant here. Every profile must inject exactly
 * this injector's students ({@link SimulationOptions#shardStudents()}: all of them when it runs alone),
 * because the rendezvous before reserving waits for that many: the options refuse one that does not
 * ({@link #injectedUsers}). Several injectors each bring their share over the same time, so together they
 * keep the profile's rate.
 */
public enum InjectionProfile {
    /** Everybody at the same instant, like the original tool. */
    AT_ONCE("atOnce") {
        @Override
        public OpenInjectionStep injection(SimulationOptions options) {
            return atOnceUsers(options.shardStudents());
        }
    },
    /** Linear arrival over {@code rampSeconds}. */
    RAMP("ramp") {
        @Override
        public OpenInjectionStep injection(SimulationOptions options) {
            return rampUsers(options.shardStudents()).during(seconds(options.rampSeconds()));
        }

        @Override
        Map<String, Object> settings(SimulationOptions options) {
            return Map.of("rampSeconds", options.rampSeconds());
        }
    },
    /**
     * {@code usersPerSec} for {@code durationSeconds}: a ramp of exactly usersPerSec × durationSeconds
     * users, which is the same constant rate with an exact user count. Without {@code students}, that
     * product is the number of students.
     */
    CONSTANT_RATE("constantRate") {
        @Override
        public OpenInjectionStep injection(SimulationOptions options) {
            return rampUsers(options.shardStudents()).during(seconds(options.durationSeconds()));
        }

        @Override
        Map<String, Object> settings(SimulationOptions options) {
            return Map.of("usersPerSec", options.usersPerSec(), "durationSeconds", options.durationSeconds());
        }

        @Override
        int students(SimulationOptions options, int requested, OptionReader reader) {
            double arriving = options.usersPerSec() * options.durationSeconds();
            long rounded = Math.round(arriving);
            if (Math.abs(arriving - rounded) > 1e-9 || rounded < 1 || rounded > FixtureSpec.MAX_STUDENTS) {
                reader.error("profile=constantRate needs usersPerSec × durationSeconds to be a whole number of "
                        + "students between 1 and " + FixtureSpec.MAX_STUDENTS + ", got "
                        + options.usersPerSec() + " × " + options.durationSeconds() + " = " + arriving);
                return requested;
            }
            if (reader.given("students") && rounded != requested) {
                reader.error("profile=constantRate brings usersPerSec × durationSeconds = " + rounded
                        + " students but students=" + requested + ": drop students or make them agree");
                return requested;
            }
            return (int) rounded;
        }
    };

    private final String optionValue;

    InjectionProfile(String optionValue) {
        this.optionValue = optionValue;
    }

    public String optionValue() {
        return optionValue;
    }

    /** The injection of the students' scenario. */
    public abstract OpenInjectionStep injection(SimulationOptions options);

    /** The options of this profile, as the summary lists them. */
    Map<String, Object> settings(SimulationOptions options) {
        return Map.of();
    }

    /** The number of students of the run: the {@code requested} ones, unless a profile derives it from its own options. */
    int students(SimulationOptions options, int requested, OptionReader reader) {
        return requested;
    }

    /** How many users the injection brings: it must be {@code students}. */
    public long injectedUsers(SimulationOptions options) {
        return injection(options).asScala().users();
    }

    /** How long the students take to arrive. */
    public Duration arrivals(SimulationOptions options) {
        return Duration.ofNanos(injection(options).asScala().duration().toNanos());
    }

    public static InjectionProfile fromOptionValue(String value) {
        for (InjectionProfile profile : values()) {
            if (profile.optionValue.equals(value)) {
                return profile;
            }
        }
        String[] known =
                Arrays.stream(values()).map(InjectionProfile::optionValue).toArray(String[]::new);
        String expected = known.length == 1
                ? known[0]
                : Arrays.stream(known, 0, known.length - 1).collect(Collectors.joining(", ")) + " or "
                        + known[known.length - 1];
        throw new IllegalArgumentException("unknown profile '" + value + "' (expected " + expected + ")");
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
