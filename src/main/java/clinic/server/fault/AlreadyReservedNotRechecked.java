package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.ClinicSeats;
import clinic.server.repository.UserAccount;
import clinic.server.service.ReservationChecks;
import clinic.server.service.ReservationOutcome;
import java.util.Optional;

/**
 * {@link FaultMode#DOUBLE_CLICK}, under the row lock: the checks made again there do not see the student's
 * seat, so the second of two clicks that both passed the check before the lock books again.
 */
final class AlreadyReservedNotRechecked implements ReservationChecks {

    private final ReservationChecks checks;

    AlreadyReservedNotRechecked(ReservationChecks checks) {
        this.checks = checks;
    }

    @Override
    public Optional<ReservationOutcome> refusal(Optional<ClinicSeats> clinic, UserAccount student) {
        return checks.refusal(
                clinic.map(seats ->
                        new ClinicSeats(seats.id(), seats.capacity(), seats.reservedCount(), seats.active(), false)),
                student);
    }
}
