package clinic.simulation;

/**
 * A clinic the setup made and the final schedule must show, matched by day, time and room.
 *
 * @param id known when the embedded server reported it, null when it comes from data/clinics.csv
 */
public record ExpectedClinic(Long id, String day, String time, String room) {

    public boolean matches(ScheduledClinic clinic) {
        return day.equals(clinic.day()) && time.equals(clinic.time()) && room.equals(clinic.room());
    }

    public String label() {
        return "clinic " + (id == null ? "" : id + " ") + "(" + day + " " + time + " " + room + ")";
    }
}
