package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.ClinicRepository.SeatsAndDetails;
import clinic.server.repository.UserAccount;
import clinic.server.service.ReservationOutcome;
import clinic.server.service.SeatBooking;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link FaultMode#LOST_WRITE}: the picked successful bookings are rolled back, and still answered 200. */
record LostWrite(SeatBooking booking, EveryNth successes) implements SeatBooking {

    private static final Logger LOG = LoggerFactory.getLogger(LostWrite.class);

    @Override
    public ReservationOutcome book(Handle transaction, SeatsAndDetails unlockedRead, UserAccount student) {
        ReservationOutcome outcome = booking.book(transaction, unlockedRead, student);
        if (outcome instanceof ReservationOutcome.Reserved && successes.pick()) {
            transaction.rollback();
            LOG.debug(
                    "lost-write fault: reservation of user {} in clinic {} rolled back",
                    student.id(),
                    unlockedRead.seats().id());
        }
        return outcome;
    }
}
