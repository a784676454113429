package clinic.server.service;

import clinic.server.repository.ClinicRepository.SeatsAndDetails;
import clinic.server.repository.UserAccount;
import org.jdbi.v3.core.Handle;

/**
 * Takes the seat that the checks on the committed state left open, inside the caller's transaction: what
 * it answers is committed with it, before the answer is sent.
 */
@FunctionalInterface
public interface SeatBooking {

    /** @param unlockedRead the clinic as the checks saw it, without a lock */
    ReservationOutcome book(Handle transaction, SeatsAndDetails unlockedRead, UserAccount student);
}
