package clinic.server.service;

import clinic.server.repository.ClinicDetails;

/** What a reservation request came to, before it is turned into a status code and a body. */
public sealed interface ReservationOutcome {

    /** Booking for another user without being staff. */
    record Forbidden() implements ReservationOutcome {}

    record UnknownUser() implements ReservationOutcome {}

    record UnknownClinic() implements ReservationOutcome {}

    record Closed() implements ReservationOutcome {}

    record AlreadyReserved() implements ReservationOutcome {}

    record NoShowBlocked(String userName, int noShowCount) implements ReservationOutcome {}

    record Occupied(int currentCount, int capacity) implements ReservationOutcome {}

    record Reserved(ClinicDetails clinic, int remainingSpots) implements ReservationOutcome {}

    /** The reservation failed on purpose (server-errors fault); nothing was written. */
    record Failed(String detail) implements ReservationOutcome {}
}
