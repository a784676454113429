package clinic.server.fault;

import clinic.server.repository.ClinicSeats;
import clinic.server.repository.UserAccount;
import clinic.server.service.ReservationChecks;
import clinic.server.service.ReservationOutcome;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The checks made on the clinic and the student as a business-rule fault shows them, not as they are: the
 * check of that rule goes blind, the others still hold.
 */
record BlindedChecks(
        ReservationChecks checks, UnaryOperator<ClinicSeats> clinicShown, UnaryOperator<UserAccount> studentShown)
        implements ReservationChecks {

    @Override
    public Optional<ReservationOutcome> refusal(Optional<ClinicSeats> clinic, UserAccount student) {
        return checks.refusal(clinic.map(clinicShown), studentShown.apply(student));
    }
}
