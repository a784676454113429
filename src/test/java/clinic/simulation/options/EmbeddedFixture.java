package clinic.simulation.options;

import clinic.server.ClinicLayout;
import clinic.server.FaultMode;
import clinic.server.FixtureSpec;
import clinic.server.service.PasswordHasher;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The embedded reference server's own fixture and faults; an external backend's setup decides these.
 *
 * @param capacity seats per clinic
 * @param reset fresh fixture clinics
 * @param passwordIterations PBKDF2 iterations, low on purpose: the server hashes every student's password at start
 * @param closedClinics inactive clinics the server adds beside the layout's
 * @param faults deliberate bugs switched on
 * @param slowMs the delay of the {@code slow} fault, in milliseconds; null for the server's default
 */
public record EmbeddedFixture(
        int capacity, boolean reset, int passwordIterations, int closedClinics, Set<FaultMode> faults, Integer slowMs) {

    /** Low on purpose: the embedded server hashes every student's password at start-up. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 10_000;
    /** Bound of {@code slowMs}: a minute per reservation is far beyond any answer a run measures. */
    static final int MAX_SLOW_MS = 60_000;

    static EmbeddedFixture read(OptionReader reader) {
        Set<FaultMode> faults = faults(reader);
        Integer slowMs = reader.integerIfGiven(Option.SLOW_MS, 1, MAX_SLOW_MS);
        if (slowMs != null && !faults.contains(FaultMode.SLOW)) {
            reader.error("slowMs sets the delay of the slow fault: add -Dfaults=slow, or drop slowMs");
        }
        return new EmbeddedFixture(
                reader.integer(Option.CAPACITY, FixtureSpec.DEFAULT_CAPACITY, 1, FixtureSpec.MAX_CAPACITY),
                reader.bool(Option.RESET, true),
                reader.integer(
                        Option.PASSWORD_ITERATIONS, DEFAULT_PASSWORD_ITERATIONS, 1, PasswordHasher.MAX_ITERATIONS),
                reader.integer(Option.CLOSED_CLINICS, 1, 0, ClinicLayout.MAX_ROOMS),
                faults,
                slowMs);
    }

    private static Set<FaultMode> faults(OptionReader reader) {
        String value = reader.text(Option.FAULTS);
        Set<FaultMode> faults = EnumSet.noneOf(FaultMode.class);
        if (value == null || value.equals("none")) {
            return Collections.unmodifiableSet(faults);
        }
        for (String flag : value.split(",")) {
            try {
                faults.add(FaultMode.fromFlag(flag.trim()));
            } catch (IllegalArgumentException e) {
                reader.error("faults: " + e.getMessage());
            }
        }
        return Collections.unmodifiableSet(faults);
    }

    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put(Option.CAPACITY.key(), capacity);
        described.put(Option.RESET.key(), reset);
        described.put(Option.FAULTS.key(), faults.stream().map(FaultMode::flag).toList());
        if (slowMs != null) {
            described.put(Option.SLOW_MS.key(), slowMs);
        }
        described.put(Option.PASSWORD_ITERATIONS.key(), passwordIterations);
        described.put(Option.CLOSED_CLINICS.key(), closedClinics);
        return described;
    }
}
