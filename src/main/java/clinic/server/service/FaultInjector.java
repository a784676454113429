package clinic.server.service;

import clinic.server.FaultMode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The switched-on faults and their counters. The parameters are constants of {@link FaultMode}; the
 * counters belong to one server instance and restart when the fixture is reloaded.
 */
public final class FaultInjector {

    private final Set<FaultMode> enabled;
    private final SharedCores loginCores = new SharedCores(FaultMode.LOGIN_CORES);
    /** Fair, so that a queue of reservations is served in arrival order as a real bottleneck serves it. */
    private final Semaphore bottleneck = new Semaphore(FaultMode.BOTTLENECK_SEATS, true);

    private final AtomicLong reservationRequests = new AtomicLong();
    private final AtomicLong successfulReservations = new AtomicLong();

    public FaultInjector(Set<FaultMode> enabled) {
        this.enabled = Set.copyOf(enabled);
    }

    public boolean isOn(FaultMode mode) {
        return enabled.contains(mode);
    }

    /** Counts a reservation request; true when server-errors is on and this is the 1st, 5th, 9th... */
    public boolean failThisRequest() {
        return isOn(FaultMode.SERVER_ERRORS) && isNth(reservationRequests.getAndIncrement());
    }

    /**
     * Counts a reservation that is about to succeed; true for the 1st, 5th, 9th... The caller asks only
     * when a counting fault (lost-write, phantom) is on.
     */
    public boolean hitThisSuccess() {
        return isNth(successfulReservations.getAndIncrement());
    }

    public boolean countsSuccesses() {
        return isOn(FaultMode.LOST_WRITE) || isOn(FaultMode.PHANTOM);
    }

    public void reset() {
        reservationRequests.set(0);
        successfulReservations.set(0);
    }

    /** Slow-login: the hashing work of a login on the shared cores; nothing when the fault is off. */
    public void loginWork() {
        if (isOn(FaultMode.SLOW_LOGIN)) {
            loginCores.work(FaultMode.LOGIN_WORK);
        }
    }

    /** Bottleneck: waits for one of the few places, holds it for the service time; nothing when the fault is off. */
    public void passBottleneck() {
        if (!isOn(FaultMode.BOTTLENECK)) {
            return;
        }
        try {
            bottleneck.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            pause(FaultMode.BOTTLENECK_SERVICE);
        } finally {
            bottleneck.release();
        }
    }

    /** Sleeps for a fault's delay; an interrupt (server stopping) ends the wait early. */
    public static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isNth(long zeroBasedCount) {
        return zeroBasedCount % FaultMode.EVERY_NTH == 0;
    }
}
