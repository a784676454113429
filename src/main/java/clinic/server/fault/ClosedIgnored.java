package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.ClinicSeats;
import clinic.server.repository.UserAccount;
import clinic.server.service.ReservationChecks;
import clinic.server.service.ReservationOutcome;
import java.util.Optional;

/** {@link FaultMode#CLOSED_IGNORED}: the checks see every clinic as open. */
final class ClosedIgnored implements ReservationChecks {

    private final ReservationChecks checks;

    ClosedIgnored(ReservationChecks checks) {
        this.checks = checks;
    }

    @Override
    public Optional<ReservationOutcome> refusal(Optional<ClinicSeats> clinic, UserAccount student) {
        return checks.refusal(
                clinic.map(seats -> new ClinicSeats(
                        seats.id(), seats.capacity(), seats.reservedCount(), true, seats.heldByStudent())),
                student);
    }
}
