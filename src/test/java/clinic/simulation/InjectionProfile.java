package clinic.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;

/**
 * How the students arrive. Every profile injects exactly {@code students} users, because the
 * rendezvous before reserving waits for that many; change or add a profile here.
 */
public enum InjectionProfile {
    /** Everybody at the same instant, like the original tool. */
    AT_ONCE("atOnce") {
        @Override
        public OpenInjectionStep injection(SimulationOptions options) {
            return atOnceUsers(options.students());
        }
    },
    /** Linear arrival over {@code rampSeconds}. */
    RAMP("ramp") {
        @Override
        public OpenInjectionStep injection(SimulationOptions options) {
            return rampUsers(options.students()).during(Duration.ofMillis(Math.round(options.rampSeconds() * 1000)));
        }
    },
    /**
     * {@code usersPerSec} for {@code durationSeconds}: a ramp of exactly usersPerSec × durationSeconds
     * users, which is the same constant rate with an exact user count.
     */
    CONSTANT_RATE("constantRate") {
        @Override
        public OpenInjectionStep injection(SimulationOptions options) {
            return rampUsers(options.students())
                    .during(Duration.ofMillis(Math.round(options.durationSeconds() * 1000)));
        }
    };

    private final String optionValue;

    InjectionProfile(String optionValue) {
        this.optionValue = optionValue;
    }

    public String optionValue() {
        return optionValue;
    }

    public abstract OpenInjectionStep injection(SimulationOptions options);

    public static InjectionProfile fromOptionValue(String value) {
        for (InjectionProfile profile : values()) {
            if (profile.optionValue.equals(value)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + value + "' (expected atOnce, ramp or constantRate)");
    }
}
