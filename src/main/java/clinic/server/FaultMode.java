package clinic.server;

import java.time.Duration;
import java.util.Arrays;

/**
 * Deliberate bugs of a booking backend, switched on one by one to prove that the load test catches
 * them. Each one wraps the part of the correct backend it breaks ({@code clinic.server.fault}); all are off
 * unless asked for.
 */
public enum FaultMode {
    /** Capacity read, then written without a lock or conditional update (lost-update race). */
    OVERBOOK("overbook"),
    /** Every {@link #EVERY_NTH}th successful reservation is rolled back but answered 200. */
    LOST_WRITE("lost-write"),
    /** Every {@link #EVERY_NTH}th successful reservation is committed but answered 409 occupied. */
    PHANTOM("phantom"),
    /**
     * The already-reserved check is made only before the clinic row is locked, and the unique constraint
     * behind it is dropped (in-memory H2 only): a double click, two requests of one student at once, books
     * the seat twice. The two clicks meet (each waits up to {@link #DOUBLE_CLICK_TWIN_WAIT} for the other), so
     * that the second passes the check before the first one has committed.
     */
    DOUBLE_CLICK("double-click"),
    /** Students with two no-shows or more book like anyone else: the no-show check is skipped. */
    NO_SHOW_IGNORED("no-show-ignored"),
    /** Inactive (closed) clinics take bookings: the reservation_closed check is skipped. */
    CLOSED_IGNORED("closed-ignored"),
    /** Anybody logged in may book for any student, as production does (an IDOR): the forbidden check is skipped. */
    FOREIGN_BOOKING("foreign-booking"),
    /** The schedule shows one clinic per day and time and no {@code clinics} list, like production. */
    HIDDEN_CLINICS("hidden-clinics"),
    /** Every {@link #EVERY_NTH}th reservation request answers 500 and writes nothing. */
    SERVER_ERRORS("server-errors"),
    /**
     * Every reservation waits before it is processed: {@link #SLOW_DELAY}, or the delay the server is started
     * with ({@code serve --slow-ms}, {@code ServerConfig.withSlowDelay}).
     */
    SLOW("slow"),
    /**
     * Every login costs {@link #LOGIN_WORK} of hashing on {@link #LOGIN_CORES} shared cores, as a
     * production (Django) login does: alone it answers in about a second, twenty at once all answer after
     * about 13 s (production's 20 logins took 13–17 s), past the 10 s request timeout the harness once had.
     */
    SLOW_LOGIN("slow-login"),
    /**
     * At most {@link #BOTTLENECK_SEATS} reservations are served at once, each holding its place for
     * {@link #BOTTLENECK_SERVICE}; the others queue in arrival order. A server with a known knee for the
     * capacity search: n reservations sent at once answer in batches, the k-th batch after k times the
     * service time.
     */
    BOTTLENECK("bottleneck");

    /** Lost-write, phantom and server-errors hit the 1st, 5th, 9th... occurrence. */
    public static final int EVERY_NTH = 4;
    /** Overbook: time between the unlocked read of the seat count and the write of count + 1. */
    public static final Duration OVERBOOK_RACE_WINDOW = Duration.ofMillis(200);
    /**
     * Double-click: how long a click waits for its twin, before its checks and again before its booking; a
     * lone click waits it once. A fixed 300 ms window between the check and the booking missed 1 run in 5
     * under a full build's load, where the twin was served later than that.
     */
    public static final Duration DOUBLE_CLICK_TWIN_WAIT = Duration.ofMillis(1000);
    /** Slow: the default delay before each reservation is processed, outside the transaction. */
    public static final Duration SLOW_DELAY = Duration.ofMillis(1500);
    /** Slow-login: the hashing work of one login (Django hashes a student's password twice). */
    public static final Duration LOGIN_WORK = Duration.ofMillis(1_300);
    /** Slow-login: the cores the logins share, as on the 2-core machine production was measured on. */
    public static final int LOGIN_CORES = 2;
    /** Bottleneck: reservations served at once. */
    public static final int BOTTLENECK_SEATS = 5;
    /** Bottleneck: how long each reservation holds its place, before its transaction. */
    // the capacity search's knee test keeps half of it as margin: 250 ms holds on a loaded machine, 150 ms did not
    public static final Duration BOTTLENECK_SERVICE = Duration.ofMillis(500);
    /** Server-errors: the detail of the injected 500 answer. */
    public static final String INJECTED_ERROR_DETAIL = "injected fault";

    private final String flag;

    FaultMode(String flag) {
        this.flag = flag;
    }

    /** The name used on the command line and in system properties, e.g. {@code lost-write}. */
    public String flag() {
        return flag;
    }

    public static FaultMode fromFlag(String flag) {
        for (FaultMode mode : values()) {
            if (mode.flag.equals(flag)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown fault mode '" + flag + "' (expected one of: "
                + String.join(", ", Arrays.stream(values()).map(FaultMode::flag).toList()) + ")");
    }
}
