package clinic.server;

/**
 * Deliberate bugs of a booking backend, switched on one by one to prove that the load test catches
 * them. Each one lives in the real request path; all are off unless asked for.
 */
public enum FaultMode {
    /** Capacity read, then written without a lock or conditional update (lost-update race). */
    OVERBOOK("overbook"),
    /** Some reservations answered 200 are never committed. */
    LOST_WRITE("lost-write"),
    /** Some reservations are committed but answered 409 occupied. */
    PHANTOM("phantom"),
    /** The already-reserved check and its unique constraint are bypassed. */
    DOUBLE_BOOK("double-book"),
    /** The schedule shows one clinic per day and time and no {@code clinics} list, like production. */
    HIDDEN_CLINICS("hidden-clinics"),
    /** A fraction of reservations answer 500. */
    SERVER_ERRORS("server-errors"),
    /** Added latency on reservations. */
    SLOW("slow");

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
                + String.join(", ", java.util.Arrays.stream(values()).map(FaultMode::flag).toList()) + ")");
    }
}
