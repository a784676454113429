package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.ClinicRepository.SeatsAndDetails;
import clinic.server.repository.UserAccount;
import clinic.server.service.ReservationOutcome;
import clinic.server.service.SeatBooking;
import org.jdbi.v3.core.Handle;

/**
 * {@link FaultMode#PHANTOM}: the picked successful bookings are committed but answered 409 occupied, with the
 * count that includes the seat just taken.
 */
record Phantom(SeatBooking booking, EveryNth successes) implements SeatBooking {

    @Override
    public ReservationOutcome book(Handle transaction, SeatsAndDetails unlockedRead, UserAccount student) {
        ReservationOutcome outcome = booking.book(transaction, unlockedRead, student);
        if (outcome instanceof ReservationOutcome.Reserved reserved && successes.pick()) {
            int capacity = reserved.clinic().capacity();
            return new ReservationOutcome.Occupied(capacity - reserved.remainingSpots(), capacity);
        }
        return outcome;
    }
}
