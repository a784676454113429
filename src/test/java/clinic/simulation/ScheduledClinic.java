package clinic.simulation;

import java.util.List;

/** One clinic as the weekly schedule shows it: where and when, capacity, and who is in it. */
public record ScheduledClinic(
        long id,
        String day,
        String time,
        String room,
        String subject,
        String teacherName,
        int capacity,
        int currentCount,
        List<RosterStudent> students) {

    public ScheduledClinic {
        students = List.copyOf(students);
    }

    /** {@code clinic 12 (mon 18:00 1강의실)}: how the audit names a clinic. */
    public String label() {
        return "clinic " + id + " (" + day + " " + time + " " + room + ")";
    }
}
