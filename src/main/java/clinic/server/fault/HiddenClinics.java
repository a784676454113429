package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.service.ClinicBackend;
import clinic.server.service.WeeklySchedule;

/**
 * {@link FaultMode#HIDDEN_CLINICS}: the schedule without its {@code clinics} list, as production answers it:
 * only the grid's one clinic per day and time is visible.
 */
final class HiddenClinics extends ForwardingClinicBackend {

    HiddenClinics(ClinicBackend backend) {
        super(backend);
    }

    @Override
    public WeeklySchedule weeklySchedule() {
        WeeklySchedule full = super.weeklySchedule();
        return new WeeklySchedule(full.days(), full.times(), full.grid(), null, full.totalClinics());
    }
}
