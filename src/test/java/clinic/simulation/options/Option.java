package clinic.simulation.options;

import java.util.Arrays;
import java.util.List;

/**
 * Every {@code -D} option of the harness, the core's and the add-ons', by name and concern: the one list
 * that the typo check (did you mean?), the options forwarded to the runs an add-on launches and docs/options.md follow. A
 * concern reads its options into a record of its own ({@link LoadProfile}, {@link TargetOptions}, ...).
 */
public enum Option {
    PROFILE("profile", Concern.LOAD),
    STUDENTS("students", Concern.LOAD),
    RAMP_SECONDS("rampSeconds", Concern.LOAD),
    USERS_PER_SEC("usersPerSec", Concern.LOAD),
    DURATION_SECONDS("durationSeconds", Concern.LOAD),

    BASE_URL("baseUrl", Concern.TARGET),
    CONFIRM_TARGET("confirmTarget", Concern.TARGET),
    REQUEST_TIMEOUT_SECONDS("requestTimeoutSeconds", Concern.TARGET),
    SETUP_COMMAND("setupCommand", Concern.TARGET),
    SETUP_TIMEOUT_SECONDS("setupTimeoutSeconds", Concern.TARGET),
    REGISTER("register", Concern.TARGET),

    DAY("day", Concern.WEEK),
    DAYS("days", Concern.WEEK),
    TIMES("times", Concern.WEEK),
    ROOMS("rooms", Concern.WEEK),
    NO_SHOW_STUDENTS("noShowStudents", Concern.WEEK),
    CLOSED_CLINIC_IDS("closedClinicIds", Concern.WEEK),

    CAPACITY("capacity", Concern.EMBEDDED),
    RESET("reset", Concern.EMBEDDED),
    PASSWORD_ITERATIONS("passwordIterations", Concern.EMBEDDED),
    CLOSED_CLINICS("closedClinics", Concern.EMBEDDED),
    FAULTS("faults", Concern.EMBEDDED),
    SLOW_MS("slowMs", Concern.EMBEDDED),

    MIN_RESERVATIONS("minReservations", Concern.STUDENTS),
    MAX_RESERVATIONS("maxReservations", Concern.STUDENTS),
    PAUSE_MIN("pauseMin", Concern.STUDENTS),
    PAUSE_MAX("pauseMax", Concern.STUDENTS),
    DOUBLE_CLICK_SHARE("doubleClickShare", Concern.STUDENTS),
    PERSISTENT_SHARE("persistentShare", Concern.STUDENTS),
    PROBE_FOREIGN_BOOKING("probeForeignBooking", Concern.STUDENTS),

    INJECTOR_COUNT("injectorCount", Concern.INJECTORS),
    INJECTOR_INDEX("injectorIndex", Concern.INJECTORS),
    OPEN_AT("openAt", Concern.INJECTORS),

    P95_MS("p95Ms", Concern.CRITERIA),
    STRICT_SECURITY("strictSecurity", Concern.CRITERIA),
    ACCEPTED_FINDINGS("acceptedFindings", Concern.CRITERIA),
    WRITE_ACCEPTED_FINDINGS("writeAcceptedFindings", Concern.CRITERIA),

    SEED("seed", Concern.RUN),
    RESULTS_FOLDER("resultsFolder", Concern.RUN),

    CLINIC_LOG_LEVEL("clinicLogLevel", Concern.LOGGING),
    HTTP_LOG_LEVEL("httpLogLevel", Concern.LOGGING),
    SERVER_LOG_LEVEL("serverLogLevel", Concern.LOGGING),

    SEARCH_START_STUDENTS("searchStartStudents", Concern.SEARCH),
    SEARCH_MAX_STUDENTS("searchMaxStudents", Concern.SEARCH),
    SEARCH_GROWTH("searchGrowth", Concern.SEARCH),
    SEARCH_RESOLUTION("searchResolution", Concern.SEARCH),
    SEARCH_MAX_MINUTES("searchMaxMinutes", Concern.SEARCH),
    SEARCH_PAUSE_SECONDS("searchPauseSeconds", Concern.SEARCH),

    REPEAT("repeat", Concern.COMPARE),
    LABEL("label", Concern.COMPARE),
    BASELINE("baseline", Concern.COMPARE),
    MAX_REGRESSION_PERCENT("maxRegressionPercent", Concern.COMPARE),
    REPEAT_PAUSE_SECONDS("repeatPauseSeconds", Concern.COMPARE);

    /** What an option is about; each concern is read by one record. */
    public enum Concern {
        /** How the students arrive and how many there are. */
        LOAD,
        /** Which backend, how to prepare it, how long to wait for it. */
        TARGET,
        /** Which clinics the students try and what the setup arranged for the business rules. */
        WEEK,
        /** The embedded reference server's own fixture and faults. */
        EMBEDDED,
        /** What each student does. */
        STUDENTS,
        /** Several load generators sharing one run. */
        INJECTORS,
        /** What makes the run fail besides the audit's violations. */
        CRITERIA,
        /** The run itself: its seed and where its files go. */
        RUN,
        /** Read by logback, not by the harness. */
        LOGGING,
        /** The capacity search's (an add-on). */
        SEARCH,
        /** Repeated runs and their comparison (an add-on). */
        COMPARE;

        /** An add-on's own options: read by the add-on, never forwarded to the runs it launches. */
        public boolean addOn() {
            return this == SEARCH || this == COMPARE;
        }
    }

    private final String key;
    private final Concern concern;

    Option(String key, Concern concern) {
        this.key = key;
        this.concern = concern;
    }

    /** The name after {@code -D}. */
    public String key() {
        return key;
    }

    public Concern concern() {
        return concern;
    }

    public static List<Option> of(Concern concern) {
        return Arrays.stream(values())
                .filter(option -> option.concern == concern)
                .toList();
    }

    @Override
    public String toString() {
        return key;
    }
}
