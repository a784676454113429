package clinic.server.fault;

import java.time.Duration;

/** The waits of the faults that cost time. */
final class FaultDelay {

    private FaultDelay() {}

    /** Sleeps for {@code delay}; an interrupt (server stopping) ends the wait early. */
    static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
