package clinic.server.service;

import clinic.server.repository.UserAccount;

/** A seat for a student whom the caller may book for: the contract's checks #3 to #7, then the booking. */
@FunctionalInterface
public interface SeatReservation {

    ReservationOutcome reserve(UserAccount student, long clinicId);
}
