package clinic.simulation.audit;

import clinic.server.ClinicLayout;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.options.DataFile;
import java.util.List;

/**
 * A clinic the setup made and the final schedule must show, matched by day, time and room.
 *
 * @param id known when the embedded server reported it, null when it comes from data/clinics.csv
 */
public record ExpectedClinic(Long id, String day, String time, String room) {

    /** data/clinics.csv: the clinics an external backend's setup makes. */
    static final String CLINICS_FILE = "clinics.csv";

    /** The clinics of {@value #CLINICS_FILE}, the expectation for an external backend. */
    public static List<ExpectedClinic> fromClinicsFile() {
        List<String> columns = List.of("day", "time", "room");
        return DataFile.read(CLINICS_FILE, columns, columns).stream()
                .map(row -> new ExpectedClinic(null, row.get("day"), row.get("time"), row.get("room")))
                .toList();
    }

    /** The clinics of a layout, the expectation when the backend's setup was given the same layout. */
    public static List<ExpectedClinic> of(ClinicLayout layout) {
        return layout.slots().stream()
                .map(slot -> new ExpectedClinic(
                        null, slot.day().key(), ClinicLayout.TIME_FORMAT.format(slot.time()), slot.room()))
                .toList();
    }

    public boolean matches(Clinic clinic) {
        return day.equals(clinic.day()) && time.equals(clinic.time()) && room.equals(clinic.room());
    }

    /** {@code 클리닉 12 (mon 18:00 1강의실)}, as the audit names a clinic; without the id when it is unknown. */
    public String label() {
        return "클리닉 " + (id == null ? "" : id + " ") + "(" + slot() + ")";
    }

    /** {@code mon 18:00 1강의실}: where and when, the clinic's identity from one run to the next. */
    public String slot() {
        return day + " " + time + " " + room;
    }
}
