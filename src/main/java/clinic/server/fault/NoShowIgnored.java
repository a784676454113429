package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.ClinicSeats;
import clinic.server.repository.UserAccount;
import clinic.server.service.ReservationChecks;
import clinic.server.service.ReservationOutcome;
import java.util.Optional;

/** {@link FaultMode#NO_SHOW_IGNORED}: the checks see no student's no-shows. */
final class NoShowIgnored implements ReservationChecks {

    private final ReservationChecks checks;

    NoShowIgnored(ReservationChecks checks) {
        this.checks = checks;
    }

    @Override
    public Optional<ReservationOutcome> refusal(Optional<ClinicSeats> clinic, UserAccount student) {
        return checks.refusal(clinic, student.withNoShow(0));
    }
}
