package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.UserAccount;
import clinic.server.service.ClinicBackend;
import clinic.server.service.ReservationOutcome;
import java.time.Duration;

/** {@link FaultMode#SLOW}: every reservation request waits before it is processed, outside any transaction. */
final class SlowReservations extends ForwardingClinicBackend {

    private final Duration delay;

    SlowReservations(ClinicBackend backend, Duration delay) {
        super(backend);
        this.delay = delay;
    }

    @Override
    public ReservationOutcome reserve(UserAccount caller, long userId, long clinicId) {
        FaultDelay.pause(delay);
        return super.reserve(caller, userId, clinicId);
    }
}
