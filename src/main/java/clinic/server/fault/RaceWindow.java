package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.ClinicRepository.SeatsAndDetails;
import clinic.server.repository.UserAccount;
import clinic.server.service.ReservationOutcome;
import clinic.server.service.SeatBooking;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * A wait between the checks on the committed state and the booking, before the booking's first statement:
 * wide enough that concurrent requests all pass the checks before any of them books ({@link FaultMode#OVERBOOK}).
 */
record RaceWindow(Duration window, SeatBooking booking) implements SeatBooking {

    @Override
    public ReservationOutcome book(Handle transaction, SeatsAndDetails unlockedRead, UserAccount student) {
        FaultDelay.pause(window);
        return booking.book(transaction, unlockedRead, student);
    }
}
