package clinic.simulation;

import clinic.contract.ClinicDay;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The clinics a weekly-schedule answer reveals.
 *
 * @param fromClinicList true when the answer had the reference server's complete {@code clinics} list;
 *                       false when only the production grid was there (one clinic per day and time)
 */
public record WeeklySchedule(List<ScheduledClinic> clinics, boolean fromClinicList) {

    private static final Comparator<ScheduledClinic> BY_SLOT = Comparator.comparing(ScheduledClinic::time)
            .thenComparing(ScheduledClinic::room)
            .thenComparingLong(ScheduledClinic::id);

    public WeeklySchedule {
        clinics = List.copyOf(clinics);
    }

    /** The clinics of one day, by time, room, id. */
    public List<ScheduledClinic> on(ClinicDay day) {
        return clinics.stream()
                .filter(clinic -> clinic.day().equals(day.key()))
                .sorted(BY_SLOT)
                .toList();
    }

    public Optional<ScheduledClinic> clinic(long id) {
        return clinics.stream().filter(clinic -> clinic.id() == id).findFirst();
    }
}
