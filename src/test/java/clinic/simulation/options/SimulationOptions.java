package clinic.simulation.options;

import clinic.contract.ClinicDay;
import clinic.server.ClinicLayout;
import clinic.server.FaultMode;
import clinic.server.FixtureSpec;
import clinic.server.service.PasswordHasher;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every knob of the simulation: system properties ({@code -Dstudents=40}) with defaults, all validated
 * before any load so that one bad value gives one clear line instead of a half-run. Each option is read
 * in exactly one place, the constructor; that is also how a mistyped name is recognised.
 */
public final class SimulationOptions {

    /**
     * Set by the pom on the forked JVM: the folder the Gatling plugin writes results to, so our files land
     * next to the report whatever the working directory.
     */
    static final String BUILD_RESULTS_FOLDER = "clinic.resultsFolder";
    /** Low on purpose: the embedded server hashes every student's password at start-up. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 10_000;
    /** Gatling's own default request timeout. */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
    /** Load generators of one run: far more than any academy's opening moment needs. */
    static final int MAX_INJECTORS = 100;
    /** The embedded server's fixture options beside {@code faults}: an external backend's setup decides these. */
    public static final List<String> EMBEDDED_FIXTURE_OPTIONS =
            List.of("capacity", "reset", "passwordIterations", "closedClinics");
    /** The capacity search's own options are named {@code search...}; a run of the main simulation ignores them. */
    public static final String SEARCH_OPTION_PREFIX = "search";

    /** The contract's rate-limit window: 5 reservation requests per student per 60 s. */
    static final int CONTRACT_RATE_WINDOW_SECONDS = 60;
    /** How far ahead an opening moment may be: the run waits for it, bounded like everything else. */
    static final Duration MAX_OPENING_WAIT = Duration.ofHours(24);

    private final String baseUrl;
    private final String confirmTarget;
    private final int students;
    private final List<ClinicDay> days;
    private final boolean register;
    private final int minReservations;
    private final int maxReservations;
    private final double pauseMin;
    private final double pauseMax;
    private final List<LocalTime> times;
    private final int rooms;
    private final boolean layoutGiven;
    private final int capacity;
    private final boolean reset;
    private final Set<FaultMode> faults;
    private final String setupCommand;
    private final int setupTimeoutSeconds;
    private final int requestTimeoutSeconds;
    private final InjectionProfile profile;
    private final double rampSeconds;
    private final double usersPerSec;
    private final double durationSeconds;
    private final int p95Ms;
    private final long seed;
    private final boolean seedGiven;
    private final int passwordIterations;
    private final String resultsFolder;
    private final int noShowStudents;
    private final int closedClinics;
    private final List<Long> closedClinicIds;
    private final double doubleClickShare;
    private final double persistentShare;
    private final boolean probeForeignBooking;
    private final boolean strictSecurity;
    private final InjectorShard shard;
    private final Instant openAt;
    private final Duration openingWait;
    private final CapacitySearch search;

    private SimulationOptions(OptionReader reader) {
        baseUrl = baseUrl(reader);
        confirmTarget = reader.text("confirmTarget");
        days = days(reader);
        minReservations = reader.integer("minReservations", 1, 1, 100);
        maxReservations = reader.integer("maxReservations", 5, 1, 100);
        if (maxReservations < minReservations) {
            reader.error("maxReservations (" + maxReservations + ") must not be below minReservations ("
                    + minReservations + ")");
        }
        pauseMin = reader.decimal("pauseMin", 0.1, 0, 60);
        pauseMax = reader.decimal("pauseMax", 2.0, 0, 60);
        if (pauseMax < pauseMin) {
            reader.error("pauseMax (" + pauseMax + ") must not be below pauseMin (" + pauseMin + ")");
        }
        List<LocalTime> givenTimes = reader.parsed("times", null, ClinicLayout::timesOf);
        times = givenTimes != null ? givenTimes : ClinicLayout.STANDARD.times();
        rooms = reader.integer("rooms", ClinicLayout.STANDARD.rooms(), 1, ClinicLayout.MAX_ROOMS);
        layoutGiven = reader.given("times") || reader.given("rooms");
        capacity = reader.integer("capacity", FixtureSpec.DEFAULT_CAPACITY, 1, FixtureSpec.MAX_CAPACITY);
        reset = reader.bool("reset", true);
        faults = faults(reader);
        passwordIterations =
                reader.integer("passwordIterations", DEFAULT_PASSWORD_ITERATIONS, 1, PasswordHasher.MAX_ITERATIONS);
        register = reader.bool("register", true);
        setupCommand = reader.text("setupCommand");
        setupTimeoutSeconds = reader.integer("setupTimeoutSeconds", 300, 1, 3600);
        requestTimeoutSeconds = reader.integer("requestTimeoutSeconds", DEFAULT_REQUEST_TIMEOUT_SECONDS, 1, 3600);
        InjectionProfile chosen = reader.parsed("profile", "atOnce", InjectionProfile::fromOptionValue);
        profile = chosen == null ? InjectionProfile.AT_ONCE : chosen;
        rampSeconds = reader.decimal("rampSeconds", 10, 0.001, 3600);
        usersPerSec = reader.decimal("usersPerSec", 5, 0.001, 1000);
        durationSeconds = reader.decimal("durationSeconds", 4, 0.001, 3600);
        p95Ms = reader.integer("p95Ms", 1000, 1, 600_000);
        Long givenSeed = reader.parsed("seed", null, Long::parseLong);
        seed = givenSeed != null ? givenSeed : ThreadLocalRandom.current().nextLong();
        seedGiven = givenSeed != null;
        String folder = reader.text("resultsFolder");
        resultsFolder = folder != null ? folder : System.getProperty(BUILD_RESULTS_FOLDER, "results");
        int requested = reader.integer("students", FixtureSpec.DEFAULT_STUDENTS, 1, FixtureSpec.MAX_STUDENTS);
        // the profile reads only its own options, all set above
        students = profile.students(this, requested, reader);
        // the embedded fixture blocks one student and closes one clinic, so the standard run provokes every rule
        noShowStudents = reader.integer("noShowStudents", baseUrl == null ? 1 : 0, 0, students);
        closedClinics = reader.integer("closedClinics", 1, 0, ClinicLayout.MAX_ROOMS);
        closedClinicIds = reader.parsed("closedClinicIds", null, SimulationOptions::ids);
        doubleClickShare = reader.decimal("doubleClickShare", 0.15, 0, 1);
        persistentShare = reader.decimal("persistentShare", 0.1, 0, 1);
        if (doubleClickShare + persistentShare > 1) {
            reader.error("doubleClickShare + persistentShare must not be above 1, got " + doubleClickShare + " + "
                    + persistentShare);
        }
        probeForeignBooking = reader.bool("probeForeignBooking", true);
        strictSecurity = reader.bool("strictSecurity", false);
        shard = shard(reader, students);
        Instant now = Instant.now();
        openAt = reader.parsed("openAt", null, SimulationOptions::instant);
        openingWait = openAt == null || openAt.isBefore(now) ? Duration.ZERO : Duration.between(now, openAt);
        if (openAt != null && openAt.isBefore(now)) {
            reader.error("openAt " + openAt + " is already past (now " + now.truncatedTo(ChronoUnit.SECONDS)
                    + "): give an instant ahead, long enough for every student to log in first");
        } else if (openingWait.compareTo(MAX_OPENING_WAIT) > 0) {
            reader.error("openAt " + openAt + " is more than " + MAX_OPENING_WAIT.toHours() + " hours ahead");
        }
        search = search(reader, baseUrl == null);
        checkTargetOptions(reader);
        String mismatch = injectionMismatch(profile, profile.injectedUsers(this), shardStudents());
        if (mismatch != null) {
            reader.error(mismatch);
        }
    }

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
        OptionReader reader = new OptionReader(values);
        SimulationOptions options = new SimulationOptions(reader);
        reader.refuseTypos();
        reader.throwIfInvalid();
        return options;
    }

    /** Every option name, as the constructor reads them. */
    public static Set<String> names() {
        OptionReader reader = new OptionReader(Map.of());
        new SimulationOptions(reader);
        return reader.known();
    }

    private void checkTargetOptions(OptionReader reader) {
        if (!shard.alone() && baseUrl == null) {
            reader.error("injectorCount " + shard.count() + ": several injectors load one shared backend, give "
                    + "baseUrl (each embedded server would be a backend of its own)");
        }
        if (!shard.alone() && setupCommand != null) {
            reader.error("setupCommand with injectorCount " + shard.count() + ": each injector would reset the "
                    + "backend under the others; prepare it once before starting them");
        }
        if (baseUrl == null) {
            for (String externalOnly : List.of("setupCommand", "confirmTarget", "closedClinicIds")) {
                if (reader.given(externalOnly)) {
                    reader.error(externalOnly + " is only for an external backend: give baseUrl too, or drop "
                            + externalOnly + " to use the embedded reference server");
                }
            }
            return;
        }
        if (!faults.isEmpty()) {
            reader.error("faults only apply to the embedded reference server: drop baseUrl or faults");
        }
        for (String embeddedOnly : EMBEDDED_FIXTURE_OPTIONS) {
            if (reader.given(embeddedOnly)) {
                reader.error(embeddedOnly + " only applies to the embedded reference server (baseUrl is set): "
                        + "prepare the external backend with setupCommand instead");
            }
        }
    }

    private static String baseUrl(OptionReader reader) {
        String value = reader.text("baseUrl");
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                reader.error("baseUrl must be an http(s) URL such as http://127.0.0.1:8000/api, got '" + value + "'");
                return null;
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        } catch (URISyntaxException e) {
            reader.error("baseUrl is not a valid URL: " + e.getMessage());
            return null;
        }
    }

    /** {@code days} (a list, or all), or the original tool's single {@code day}; Monday by default. */
    private static List<ClinicDay> days(OptionReader reader) {
        List<ClinicDay> one = reader.parsed("day", null, key -> List.of(ClinicDay.fromKey(key)));
        List<ClinicDay> several = reader.parsed("days", null, ClinicDay::listOf);
        if (reader.given("day") && reader.given("days")) {
            reader.error("give day (one day) or days (a list, or all), not both");
        }
        List<ClinicDay> chosen = several != null ? several : one;
        return chosen != null ? chosen : List.of(ClinicDay.MON);
    }

    /**
     * The capacity search's bounds (read by every run, used by {@code CapacitySearchSimulation}): it starts at
     * {@code searchStartStudents}, multiplies by {@code searchGrowth} until a step breaks the service level
     * or reaches {@code searchMaxStudents}, then halves the gap until it is within {@code searchResolution}.
     */
    private static CapacitySearch search(OptionReader reader, boolean embedded) {
        int max = reader.integer("searchMaxStudents", 1000, 1, FixtureSpec.MAX_STUDENTS);
        int start = reader.integer("searchStartStudents", Math.min(FixtureSpec.DEFAULT_STUDENTS, max), 1, max);
        return new CapacitySearch(
                start,
                max,
                reader.decimal("searchGrowth", 2.0, 1.1, 10),
                reader.decimal("searchResolution", 0.05, 0.001, 0.5),
                reader.integer("searchMaxMinutes", 30, 1, 24 * 60),
                // an external backend's per-student rate limit would still count the last step's requests
                reader.integer("searchPauseSeconds", embedded ? 0 : CONTRACT_RATE_WINDOW_SECONDS, 0, 3600));
    }

    /**
     * The capacity search's options.
     *
     * @param resolution the largest gap, as a share of the last good step, left between the last good and
     *     the first bad step (at least one student)
     * @param pauseSeconds the wait between two steps, so that a backend's rate-limit window forgets the last
     *     step (the embedded server's reload clears its limiter)
     */
    public record CapacitySearch(
            int startStudents, int maxStudents, double growth, double resolution, int maxMinutes, int pauseSeconds) {

        public Duration maxTime() {
            return Duration.ofMinutes(maxMinutes);
        }
    }

    /** This injector's slice of the students; alone unless injectorCount is above 1. */
    private static InjectorShard shard(OptionReader reader, int students) {
        int count = reader.integer("injectorCount", 1, 1, MAX_INJECTORS);
        int index = reader.integer("injectorIndex", 1, 1, MAX_INJECTORS);
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

    /** Clinic ids such as {@code 9,10}; the message names the entry that is not one. */
    private static List<Long> ids(String list) {
        List<Long> ids = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            long id;
            try {
                id = Long.parseLong(entry.trim());
            } catch (NumberFormatException e) {
                id = 0;
            }
            if (id < 1) {
                throw new IllegalArgumentException(
                        "clinic ids separated by commas (e.g. 9,10), '" + entry.trim() + "' is not one");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static Set<FaultMode> faults(OptionReader reader) {
        String value = reader.text("faults");
        if (value == null || value.equals("none")) {
            return Collections.unmodifiableSet(EnumSet.noneOf(FaultMode.class));
        }
        Set<FaultMode> faults = EnumSet.noneOf(FaultMode.class);
        for (String flag : value.split(",")) {
            try {
                faults.add(FaultMode.fromFlag(flag.trim()));
            } catch (IllegalArgumentException e) {
                reader.error("faults: " + e.getMessage());
            }
        }
        return Collections.unmodifiableSet(faults);
    }

    /**
     * Why a profile's injection cannot run, or null: the rendezvous before reserving waits for exactly
     * this injector's {@code students}, so any other number would hold the run until {@link #maxDuration()}.
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
        double student = (3 + maxReservations) * requestTimeoutSeconds + maxReservations * pauseMax;
        return profile.arrivals(this)
                .plus(openingWait)
                .plusSeconds(Math.round(student + 2 * requestTimeoutSeconds + 60));
    }

    public boolean embedded() {
        return baseUrl == null;
    }

    /** The options as printed in the summary and written to clinic-summary.json. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("baseUrl", embedded() ? "embedded" : baseUrl);
        described.put("students", students);
        described.put("days", days.stream().map(ClinicDay::key).toList());
        described.put("register", register);
        described.put("minReservations", minReservations);
        described.put("maxReservations", maxReservations);
        described.put("pauseMin", pauseMin);
        described.put("pauseMax", pauseMax);
        described.put(
                "times", times.stream().map(ClinicLayout.TIME_FORMAT::format).toList());
        described.put("rooms", rooms);
        if (embedded()) {
            described.put("capacity", capacity);
            described.put("reset", reset);
            described.put("faults", faults.stream().map(FaultMode::flag).toList());
            described.put("passwordIterations", passwordIterations);
        } else {
            described.put("setupCommand", setupCommand);
            described.put("confirmTarget", confirmTarget);
        }
        described.put("noShowStudents", noShowStudents);
        if (embedded()) {
            described.put("closedClinics", closedClinics);
        } else {
            described.put("closedClinicIds", closedClinicIds());
        }
        described.put("doubleClickShare", doubleClickShare);
        described.put("persistentShare", persistentShare);
        described.put("probeForeignBooking", probeForeignBooking);
        described.put("strictSecurity", strictSecurity);
        described.put("requestTimeoutSeconds", requestTimeoutSeconds);
        described.put("profile", profile.optionValue());
        described.putAll(new TreeMap<>(profile.settings(this)));
        described.put("p95Ms", p95Ms);
        if (!shard.alone()) {
            described.put("injectorCount", shard.count());
            described.put("injectorIndex", shard.index());
        }
        if (openAt != null) {
            described.put("openAt", openAt.toString());
        }
        described.put("seed", seed);
        return described;
    }

    /** This load generator's slice of the students. */
    public InjectorShard shard() {
        return shard;
    }

    /** The students this injector drives: all of them, unless several injectors share the run. */
    public int shardStudents() {
        return shard.studentsOf(students);
    }

    /** When every injector's students start reserving; null: when all of this injector's have read the schedule. */
    public Instant openAt() {
        return openAt;
    }

    /** Target API ({@code http://127.0.0.1:8000/api}); null = embedded reference server. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The host the user confirmed as the target when it is not this machine; null when not given. */
    public String confirmTarget() {
        return confirmTarget;
    }

    public int students() {
        return students;
    }

    /** The days whose clinics the students try, in the week's order. */
    public List<ClinicDay> days() {
        return days;
    }

    /** False when the setup already made the students' accounts: the run logs them in without registering. */
    public boolean register() {
        return register;
    }

    public int minReservations() {
        return minReservations;
    }

    public int maxReservations() {
        return maxReservations;
    }

    public double pauseMin() {
        return pauseMin;
    }

    public double pauseMax() {
        return pauseMax;
    }

    /**
     * Where the clinics are: the embedded server makes them so; an external backend is expected to show them
     * when {@code times} or {@code rooms} is given (its setup made them with the same options), else the
     * clinics of data/clinics.csv.
     */
    public ClinicLayout layout() {
        return new ClinicLayout(days, times, rooms);
    }

    /** True when the options name a layout of the backend's clinics, rather than leaving it to data/clinics.csv. */
    public boolean layoutGiven() {
        return layoutGiven;
    }

    public int capacity() {
        return capacity;
    }

    public boolean reset() {
        return reset;
    }

    public Set<FaultMode> faults() {
        return faults;
    }

    public String setupCommand() {
        return setupCommand;
    }

    /** Bound on {@code setupCommand}. */
    public int setupTimeoutSeconds() {
        return setupTimeoutSeconds;
    }

    /**
     * Bounds every request of the run, Gatling's and the harness's own: a slow answer is measured up to
     * this long, a stuck backend cannot hang a student, the rendezvous or the run.
     */
    public Duration requestTimeout() {
        return Duration.ofSeconds(requestTimeoutSeconds);
    }

    public InjectionProfile profile() {
        return profile;
    }

    public double rampSeconds() {
        return rampSeconds;
    }

    /** constantRate profile: arrival rate. */
    public double usersPerSec() {
        return usersPerSec;
    }

    /** constantRate profile: how long students arrive. */
    public double durationSeconds() {
        return durationSeconds;
    }

    public int p95Ms() {
        return p95Ms;
    }

    /** Drives every random choice, so a run repeats exactly. */
    public long seed() {
        return seed;
    }

    /** False when the seed was drawn at random (printed so it can be reused). */
    public boolean seedGiven() {
        return seedGiven;
    }

    public int passwordIterations() {
        return passwordIterations;
    }

    public String resultsFolder() {
        return resultsFolder;
    }

    /**
     * How many of the last students of the roster have two no-shows: blocked this week. The embedded server
     * makes them so; for an external backend, its setup did.
     */
    public int noShowStudents() {
        return noShowStudents;
    }

    /** Embedded only: how many inactive clinics the server adds beside the layout's. */
    public int closedClinics() {
        return closedClinics;
    }

    /**
     * External only: the clinics the backend's setup closed, which the students try like any other (a
     * closed clinic is not in the schedule, so only its id can name it).
     */
    public List<Long> closedClinicIds() {
        return closedClinicIds == null ? List.of() : closedClinicIds;
    }

    /** The share of students who double-click: every try of theirs is sent twice at once. */
    public double doubleClickShare() {
        return doubleClickShare;
    }

    /** The share of students who, told occupied, try another clinic until they have a seat or none is left. */
    public double persistentShare() {
        return persistentShare;
    }

    /** Whether a few students try to book for another student (refused with 403 forbidden when the backend is safe). */
    public boolean probeForeignBooking() {
        return probeForeignBooking;
    }

    /** Whether a backend that books for another student fails the run, rather than a warning. */
    /** The capacity search's bounds; {@code CapacitySearchSimulation} alone uses them. */
    public CapacitySearch search() {
        return search;
    }

    public boolean strictSecurity() {
        return strictSecurity;
    }
}
