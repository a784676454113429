package clinic.simulation.output;

import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import java.util.List;

/** One clinic of the final schedule, its roster by username. */
public record FinalClinic(
        long id,
        String day,
        String time,
        String room,
        String subject,
        String teacher,
        int capacity,
        int currentCount,
        List<String> students) {

    public static FinalClinic of(Clinic clinic) {
        return new FinalClinic(
                clinic.id(),
                clinic.day(),
                clinic.time(),
                clinic.room(),
                clinic.subject(),
                clinic.teacherName(),
                clinic.capacity(),
                clinic.currentCount(),
                clinic.students().stream().map(RosterStudent::username).toList());
    }
}
