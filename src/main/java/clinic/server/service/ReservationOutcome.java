package clinic.server.service;

import clinic.server.repository.ClinicDetails;
import clinic.server.repository.ClinicSeats;

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

    record Reserved(ClinicDetails clinic, int remainingSpots) implements ReservationOutcome {

        /** The seat booked in a clinic whose seats were {@code before} the booking. */
        public static Reserved oneMoreThan(ClinicDetails clinic, ClinicSeats before) {
            return new Reserved(clinic, before.capacity() - (before.reservedCount() + 1));
        }
    }

    /** The reservation failed and nothing was written; {@code detail} goes into the 500's error text. */
    record Failed(String detail) implements ReservationOutcome {}
}
