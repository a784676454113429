package clinic.server.service;

import clinic.server.repository.ClinicSeats;
import clinic.server.repository.UserAccount;
import java.util.Optional;

/**
 * Checks #3 to #7 of the contract (the clinic exists, is open, is not already held by the student, the
 * student is not blocked for no-shows, a seat is left) against a read of the clinic's row.
 */
@FunctionalInterface
public interface ReservationChecks {

    /** The refusal the row calls for, or empty when booking may go on. */
    Optional<ReservationOutcome> refusal(Optional<ClinicSeats> clinic, UserAccount student);
}
