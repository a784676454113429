package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.UserAccount;
import clinic.server.service.ReservationOutcome;
import clinic.server.service.SeatReservation;

/**
 * {@link FaultMode#SERVER_ERRORS}: the picked requests among those that reach their seat (past the forbidden
 * and user checks) fail with a 500 before anything is read or written.
 */
record ServerErrors(SeatReservation seats, EveryNth requests) implements SeatReservation {

    @Override
    public ReservationOutcome reserve(UserAccount student, long clinicId) {
        if (requests.pick()) {
            return new ReservationOutcome.Failed(FaultMode.INJECTED_ERROR_DETAIL);
        }
        return seats.reserve(student, clinicId);
    }
}
