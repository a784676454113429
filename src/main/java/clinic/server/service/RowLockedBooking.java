package clinic.server.service;

import clinic.server.repository.ClinicRepository;
import clinic.server.repository.ClinicRepository.SeatsAndDetails;
import clinic.server.repository.ClinicSeats;
import clinic.server.repository.UserAccount;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The booking as production makes it: the clinic row locked ({@code SELECT ... FOR UPDATE}), the checks
 * made again, the reservation inserted (the database counts the seat). The lock serialises the bookings of
 * one clinic, so the ordered checks (already reserved, no-show, capacity) and the insert see and change one
 * consistent state under READ COMMITTED; a conditional {@code UPDATE ... WHERE reserved_count < capacity}
 * alone would guard capacity but not keep the contract's order of answers.
 */
public final class RowLockedBooking implements SeatBooking {

    private final ClinicRepository repository;
    private final ReservationChecks recheck;

    /** @param recheck the checks made again under the lock */
    public RowLockedBooking(ClinicRepository repository, ReservationChecks recheck) {
        this.repository = repository;
        this.recheck = recheck;
    }

    @Override
    public ReservationOutcome book(Handle transaction, SeatsAndDetails unlockedRead, UserAccount student) {
        Optional<ClinicSeats> locked =
                repository.lockClinicSeats(transaction, unlockedRead.seats().id(), student.id());
        Optional<ReservationOutcome> refusal = recheck.refusal(locked, student);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        repository.insertReservation(transaction, locked.get().id(), student.id());
        return ReservationOutcome.Reserved.oneMoreThan(unlockedRead.details(), locked.get());
    }
}
