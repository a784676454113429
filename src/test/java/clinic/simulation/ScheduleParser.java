package clinic.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a weekly-schedule answer. The reference server's {@code clinics} list is complete; the production
 * grid shows only one clinic per day and time, so it is the fallback, using cells whose clinic_id is set.
 */
public final class ScheduleParser {

    private ScheduleParser() {}

    /** Throws {@link IllegalArgumentException} saying what is wrong when the body is not a schedule. */
    public static WeeklySchedule parse(String body) {
        JsonNode root = Json.object(body)
                .orElseThrow(() ->
                        new IllegalArgumentException("weekly schedule is not a JSON object: " + Abbreviation.of(body)));
        JsonNode list = root.get("clinics");
        if (list != null && list.isArray()) {
            List<ScheduledClinic> clinics = new ArrayList<>();
            for (JsonNode cell : list) {
                clinics.add(clinic(cell, required(cell, "day"), required(cell, "time")));
            }
            return new WeeklySchedule(clinics, true);
        }
        JsonNode grid = root.get("schedule");
        if (grid == null || !grid.isObject()) {
            throw new IllegalArgumentException(
                    "weekly schedule has neither a 'clinics' list nor a 'schedule' grid: " + Abbreviation.of(body));
        }
        List<ScheduledClinic> clinics = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> days = grid.fields(); days.hasNext(); ) {
            Map.Entry<String, JsonNode> day = days.next();
            for (Iterator<Map.Entry<String, JsonNode>> times = day.getValue().fields(); times.hasNext(); ) {
                Map.Entry<String, JsonNode> time = times.next();
                JsonNode clinicId = time.getValue().get("clinic_id");
                if (clinicId != null && !clinicId.isNull()) {
                    clinics.add(clinic(time.getValue(), day.getKey(), time.getKey()));
                }
            }
        }
        return new WeeklySchedule(clinics, false);
    }

    private static ScheduledClinic clinic(JsonNode cell, String day, String time) {
        JsonNode id = cell.get("clinic_id");
        if (id == null || !id.canConvertToLong()) {
            throw new IllegalArgumentException("schedule cell " + day + " " + time + " has no numeric clinic_id");
        }
        List<RosterStudent> students = new ArrayList<>();
        JsonNode roster = cell.get("students");
        if (roster != null && roster.isArray()) {
            for (JsonNode student : roster) {
                students.add(new RosterStudent(
                        student.path("id").asLong(),
                        student.path("name").asText(""),
                        student.path("username").asText("")));
            }
        }
        return new ScheduledClinic(
                id.asLong(),
                day,
                time,
                cell.path("room").asText(""),
                cell.path("subject").asText(""),
                cell.path("teacher_name").asText(""),
                cell.path("capacity").asInt(),
                cell.path("current_count").asInt(students.size()),
                students);
    }

    private static String required(JsonNode cell, String field) {
        String value = Json.text(cell, field);
        if (value == null) {
            throw new IllegalArgumentException("a clinic of the 'clinics' list has no '" + field + "'");
        }
        return value;
    }
}
