package clinic.simulation;

/** The target cannot take the load (unreachable, no clinics, setup failed): the run stops before any load. */
public final class TargetNotReadyException extends IllegalStateException {
    public TargetNotReadyException(String message) {
        super(message);
    }

    public TargetNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
