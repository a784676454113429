package clinic.server.service;

import clinic.server.repository.ClinicSeats;
import clinic.server.repository.UserAccount;
import java.util.Optional;

/** The contract's checks #3 to #7, in its order: the first that fails is the answer. */
public final class ContractChecks implements ReservationChecks {

    /** Students with this many unexcused absences cannot book this week. */
    static final int NO_SHOW_LIMIT = 2;

    @Override
    public Optional<ReservationOutcome> refusal(Optional<ClinicSeats> clinic, UserAccount student) {
        if (clinic.isEmpty()) {
            return Optional.of(new ReservationOutcome.UnknownClinic());
        }
        ClinicSeats seats = clinic.get();
        if (!seats.active()) {
            return Optional.of(new ReservationOutcome.Closed());
        }
        if (seats.heldByStudent()) {
            return Optional.of(new ReservationOutcome.AlreadyReserved());
        }
        if (student.isStudent() && student.noShow() >= NO_SHOW_LIMIT) {
            return Optional.of(new ReservationOutcome.NoShowBlocked(student.name(), student.noShow()));
        }
        if (seats.reservedCount() >= seats.capacity()) {
            return Optional.of(new ReservationOutcome.Occupied(seats.reservedCount(), seats.capacity()));
        }
        return Optional.empty();
    }
}
