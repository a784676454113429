package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.ClinicRepository;
import clinic.server.repository.ClinicRepository.SeatsAndDetails;
import clinic.server.repository.ClinicSeats;
import clinic.server.repository.UserAccount;
import clinic.server.service.ReservationOutcome;
import clinic.server.service.SeatBooking;
import org.jdbi.v3.core.Handle;

/**
 * {@link FaultMode#OVERBOOK}, instead of the booking under the row lock: no lock and no second check; the
 * reservation is inserted, then the seat count read without the lock is written back plus one, over the
 * count the database keeps (a lost update), so the capacity check stops seeing the extra rows.
 */
record BlindCountWrite(ClinicRepository repository) implements SeatBooking {

    @Override
    public ReservationOutcome book(Handle transaction, SeatsAndDetails unlockedRead, UserAccount student) {
        ClinicSeats stale = unlockedRead.seats();
        repository.insertReservation(transaction, stale.id(), student.id());
        repository.writeReservedCount(transaction, stale.id(), stale.reservedCount() + 1);
        return ReservationOutcome.Reserved.oneMoreThan(unlockedRead.details(), stale);
    }
}
