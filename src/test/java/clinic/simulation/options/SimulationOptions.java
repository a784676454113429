package clinic.simulation.options;

import clinic.contract.ClinicDay;
import clinic.server.FaultMode;
import clinic.server.FixtureSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Every knob of the simulation: system properties ({@code -Dstudents=40}) with defaults, all validated
 * before any load so that one bad value gives one clear line instead of a half-run.
 *
 * @param baseUrl             target API ({@code http://127.0.0.1:8000/api}); null = embedded reference server
 * @param durationSeconds     constantRate profile: how long students arrive
 * @param usersPerSec         constantRate profile: arrival rate
 * @param seed                drives every random choice, so a run repeats exactly
 * @param seedGiven           false when the seed was drawn at random (printed so it can be reused)
 * @param setupTimeoutSeconds bound on {@code setupCommand}
 */
public record SimulationOptions(
        String baseUrl,
        int students,
        ClinicDay day,
        int minReservations,
        int maxReservations,
        double pauseMin,
        double pauseMax,
        int capacity,
        boolean reset,
        Set<FaultMode> faults,
        String setupCommand,
        int setupTimeoutSeconds,
        InjectionProfile profile,
        double rampSeconds,
        double usersPerSec,
        double durationSeconds,
        int p95Ms,
        long seed,
        boolean seedGiven,
        int passwordIterations,
        String resultsFolder) {

    /**
     * Set by the pom on the forked JVM: the folder the Gatling plugin writes results to, so our files land
     * next to the report whatever the working directory.
     */
    static final String BUILD_RESULTS_FOLDER = "clinic.resultsFolder";
    /** Low on purpose: the embedded server hashes every student's password at start-up. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 10_000;
    /**
     * Bounds every request (Gatling's {@code requestTimeout} in gatling.conf, and the client of the checks
     * around the load): a stuck backend cannot hang a student, the rendezvous or the run.
     */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Reads the JVM's system properties (the Gatling Maven plugin forwards {@code -D} values). */
    public static SimulationOptions fromSystemProperties() {
        Properties properties = System.getProperties();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return parse(values);
    }

    /** Parses and validates; throws {@link IllegalArgumentException} naming every bad value. */
    public static SimulationOptions parse(Map<String, String> values) {
        Reader reader = new Reader(values);
        String baseUrl = reader.baseUrl();
        ClinicDay day = reader.parsed("day", "mon", ClinicDay::fromKey);
        int minReservations = reader.integer("minReservations", 1, 1, 100);
        int maxReservations = reader.integer("maxReservations", 5, 1, 100);
        if (maxReservations < minReservations) {
            reader.error("maxReservations (" + maxReservations + ") must not be below minReservations ("
                    + minReservations + ")");
        }
        double pauseMin = reader.decimal("pauseMin", 0.1, 0, 60);
        double pauseMax = reader.decimal("pauseMax", 2.0, 0, 60);
        if (pauseMax < pauseMin) {
            reader.error("pauseMax (" + pauseMax + ") must not be below pauseMin (" + pauseMin + ")");
        }
        int capacity = reader.integer("capacity", FixtureSpec.DEFAULT_CAPACITY, 1, 1000);
        boolean reset = reader.bool("reset", true);
        Set<FaultMode> faults = reader.faults();
        String setupCommand = reader.text("setupCommand");
        int setupTimeoutSeconds = reader.integer("setupTimeoutSeconds", 300, 1, 3600);
        if (baseUrl == null) {
            if (setupCommand != null) {
                reader.error("setupCommand is only for an external backend: give baseUrl too, or drop setupCommand "
                        + "to use the embedded reference server");
            }
        } else {
            if (!faults.isEmpty()) {
                reader.error("faults only apply to the embedded reference server: drop baseUrl or faults");
            }
            for (String embeddedOnly : List.of("capacity", "reset", "passwordIterations")) {
                if (values.containsKey(embeddedOnly)) {
                    reader.error(embeddedOnly + " only applies to the embedded reference server (baseUrl is set): "
                            + "prepare the external backend with setupCommand instead");
                }
            }
        }
        InjectionProfile profile = reader.parsed("profile", "atOnce", InjectionProfile::fromOptionValue);
        double rampSeconds = reader.decimal("rampSeconds", 10, 0.001, 3600);
        double usersPerSec = reader.decimal("usersPerSec", 5, 0.001, 1000);
        double durationSeconds = reader.decimal("durationSeconds", 4, 0.001, 3600);
        int students = reader.integer("students", FixtureSpec.DEFAULT_STUDENTS, 1, FixtureSpec.MAX_STUDENTS);
        int p95Ms = reader.integer("p95Ms", 1000, 1, 600_000);
        Long givenSeed = reader.parsed("seed", null, Long::parseLong);
        long seed = givenSeed != null ? givenSeed : ThreadLocalRandom.current().nextLong();
        int passwordIterations = reader.integer("passwordIterations", DEFAULT_PASSWORD_ITERATIONS, 1, 10_000_000);
        String resultsFolder = reader.text("resultsFolder");
        InjectionProfile chosenProfile = profile == null ? InjectionProfile.AT_ONCE : profile;
        IntFunction<SimulationOptions> withStudents = count -> new SimulationOptions(
                baseUrl,
                count,
                day,
                minReservations,
                maxReservations,
                pauseMin,
                pauseMax,
                capacity,
                reset,
                faults,
                setupCommand,
                setupTimeoutSeconds,
                chosenProfile,
                rampSeconds,
                usersPerSec,
                durationSeconds,
                p95Ms,
                seed,
                givenSeed != null,
                passwordIterations,
                resultsFolder == null ? System.getProperty(BUILD_RESULTS_FOLDER, "results") : resultsFolder);
        reader.throwIfInvalid();
        SimulationOptions options = withStudents.apply(chosenProfile.students(withStudents.apply(students), reader));
        reader.throwIfInvalid();
        String mismatch = injectionMismatch(options.profile, options.profile.injectedUsers(options), options.students);
        if (mismatch != null) {
            reader.error(mismatch);
        }
        reader.throwIfInvalid();
        return options;
    }

    /**
     * Why a profile's injection cannot run, or null: the rendezvous before reserving waits for exactly
     * {@code students} users, so any other number would hold the run until {@link #maxDuration()}.
     */
    static String injectionMismatch(InjectionProfile profile, long injected, int students) {
        return injected == students
                ? null
                : "profile=" + profile.optionValue() + " injects " + injected
                        + " students but the rendezvous before reserving waits for students=" + students
                        + ": a profile must inject exactly the run's students";
    }

    /**
     * The run's upper bound: the arrivals, then every request of a student timing out and every pause at
     * its longest, then the audit, plus slack. A run cut short misses the audit, which fails an assertion.
     */
    public Duration maxDuration() {
        long timeout = REQUEST_TIMEOUT.toSeconds();
        double student = (3 + maxReservations) * timeout + maxReservations * pauseMax;
        return profile.arrivals(this).plusSeconds(Math.round(student + 2 * timeout + 60));
    }

    public boolean embedded() {
        return baseUrl == null;
    }

    /** The options as printed in the summary and written to clinic-summary.json. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("baseUrl", embedded() ? "embedded" : baseUrl);
        described.put("students", students);
        described.put("day", day.key());
        described.put("minReservations", minReservations);
        described.put("maxReservations", maxReservations);
        described.put("pauseMin", pauseMin);
        described.put("pauseMax", pauseMax);
        if (embedded()) {
            described.put("capacity", capacity);
            described.put("reset", reset);
            described.put("faults", faults.stream().map(FaultMode::flag).toList());
            described.put("passwordIterations", passwordIterations);
        } else {
            described.put("setupCommand", setupCommand);
        }
        described.put("profile", profile.optionValue());
        described.putAll(new java.util.TreeMap<>(profile.settings(this)));
        described.put("p95Ms", p95Ms);
        described.put("seed", seed);
        return described;
    }

    /** Collects one message per bad value. */
    static final class Reader {
        private final Map<String, String> values;
        private final List<String> errors = new ArrayList<>();

        Reader(Map<String, String> values) {
            this.values = values;
        }

        void error(String message) {
            errors.add(message);
        }

        String text(String name) {
            String value = values.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }

        <T> T parsed(String name, String defaultValue, java.util.function.Function<String, T> parser) {
            String value = text(name);
            if (value == null) {
                value = defaultValue;
            }
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (NumberFormatException e) {
                error(name + " must be a whole number, got '" + value + "'");
            } catch (IllegalArgumentException e) {
                error(name + ": " + e.getMessage());
            }
            return null;
        }

        int integer(String name, int defaultValue, int min, int max) {
            return bounded(name, defaultValue, min, max, Integer::parseInt, "a whole number");
        }

        double decimal(String name, double defaultValue, double min, double max) {
            return bounded(name, defaultValue, min, max, Double::parseDouble, "a number");
        }

        /** The option's value within [min, max]; a value out of range or unreadable is an error and gives the default. */
        private <T extends Comparable<T>> T bounded(
                String name, T defaultValue, T min, T max, java.util.function.Function<String, T> parse, String kind) {
            String value = text(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                T parsed = parse.apply(value);
                if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
                    error(name + " must be " + kind + " between " + min + " and " + max + ", got " + value);
                    return defaultValue;
                }
                return parsed;
            } catch (NumberFormatException e) {
                error(name + " must be " + kind + ", got '" + value + "'");
                return defaultValue;
            }
        }

        boolean bool(String name, boolean defaultValue) {
            String value = text(name);
            if (value == null) {
                return defaultValue;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    error(name + " must be true or false, got '" + value + "'");
                    yield defaultValue;
                }
            };
        }

        String baseUrl() {
            String value = text("baseUrl");
            if (value == null) {
                return null;
            }
            try {
                URI uri = new URI(value);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    error("baseUrl must be an http(s) URL such as http://127.0.0.1:8000/api, got '" + value + "'");
                    return null;
                }
                if (!isLoopback(uri.getHost())) {
                    error("baseUrl must point at this machine (127.0.0.1, localhost or [::1]): load is only sent "
                            + "to loopback addresses, got host '" + uri.getHost() + "'");
                    return null;
                }
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            } catch (URISyntaxException e) {
                error("baseUrl is not a valid URL: " + e.getMessage());
                return null;
            }
        }

        private static boolean isLoopback(String host) {
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return bare.equals("localhost")
                    || bare.equals("::1")
                    || bare.equals("0:0:0:0:0:0:0:1")
                    || bare.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        }

        Set<FaultMode> faults() {
            String value = text("faults");
            if (value == null || value.equals("none")) {
                return Collections.unmodifiableSet(EnumSet.noneOf(FaultMode.class));
            }
            Set<FaultMode> faults = EnumSet.noneOf(FaultMode.class);
            for (String flag : value.split(",")) {
                try {
                    faults.add(FaultMode.fromFlag(flag.trim()));
                } catch (IllegalArgumentException e) {
                    error("faults: " + e.getMessage());
                }
            }
            return Collections.unmodifiableSet(faults);
        }

        /** True when the option was given at all. */
        boolean given(String name) {
            return text(name) != null;
        }

        void throwIfInvalid() {
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("Invalid simulation options:\n  - " + String.join("\n  - ", errors));
            }
        }
    }
}
