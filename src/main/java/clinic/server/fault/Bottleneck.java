package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.UserAccount;
import clinic.server.service.ClinicBackend;
import clinic.server.service.ReservationOutcome;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * {@link FaultMode#BOTTLENECK}: a few places where reservation requests are served; each request holds one
 * for the service time, then goes on to its transaction. The others queue in arrival order.
 */
final class Bottleneck extends ForwardingClinicBackend {

    /** Fair, so that a queue of reservations is served in arrival order as a real bottleneck serves it. */
    private final Semaphore places;

    private final Duration service;

    Bottleneck(ClinicBackend backend, int places, Duration service) {
        super(backend);
        this.places = new Semaphore(places, true);
        this.service = service;
    }

    @Override
    public ReservationOutcome reserve(UserAccount caller, long userId, long clinicId) {
        pass();
        return super.reserve(caller, userId, clinicId);
    }

    private void pass() {
        try {
            places.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            FaultDelay.pause(service);
        } finally {
            places.release();
        }
    }
}
