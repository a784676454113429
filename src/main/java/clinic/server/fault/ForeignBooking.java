package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.UserAccount;
import clinic.server.service.ClinicBackend;
import clinic.server.service.ReservationOutcome;

/**
 * {@link FaultMode#FOREIGN_BOOKING}: every caller is treated as staff, so anybody logged in books for any
 * student, as production does (an IDOR).
 */
final class ForeignBooking extends ForwardingClinicBackend {

    ForeignBooking(ClinicBackend backend) {
        super(backend);
    }

    @Override
    public ReservationOutcome reserve(UserAccount caller, long userId, long clinicId) {
        return super.reserve(caller.withStaff(true), userId, clinicId);
    }
}
