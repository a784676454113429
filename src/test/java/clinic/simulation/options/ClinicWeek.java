package clinic.simulation.options;

import clinic.contract.ClinicDay;
import clinic.server.ClinicLayout;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clinics the students try and what the backend's setup arranged for the business rules.
 *
 * @param days the days whose clinics the students try, in the week's order
 * @param layoutGiven true when {@code times} or {@code rooms} was given: an external backend then shows the
 *     clinics of that layout (its setup made them with the same options), else those of data/clinics.csv
 * @param noShowStudents how many of the last students have two no-shows (blocked this week): the embedded
 *     server makes them so, an external backend's setup did
 * @param closedClinicIds external only: the clinics the setup closed, which the students try like any other
 *     (a closed clinic is not in the schedule, so only its id can name it)
 */
public record ClinicWeek(
        List<ClinicDay> days,
        List<LocalTime> times,
        int rooms,
        boolean layoutGiven,
        int noShowStudents,
        List<Long> closedClinicIds) {

    static ClinicWeek read(OptionReader reader, boolean embedded, int students) {
        List<LocalTime> times = reader.parsed(Option.TIMES, null, ClinicLayout::timesOf);
        List<Long> closed = reader.parsed(Option.CLOSED_CLINIC_IDS, null, ClinicWeek::ids);
        return new ClinicWeek(
                days(reader),
                times != null ? times : ClinicLayout.STANDARD.times(),
                reader.integer(Option.ROOMS, ClinicLayout.STANDARD.rooms(), 1, ClinicLayout.MAX_ROOMS),
                reader.given(Option.TIMES) || reader.given(Option.ROOMS),
                // the embedded fixture blocks one student, so the standard run provokes every rule
                reader.integer(Option.NO_SHOW_STUDENTS, embedded ? 1 : 0, 0, students),
                closed == null ? List.of() : closed);
    }

    /** {@code days} (a list, or all), or the original tool's single {@code day}; Monday by default. */
    private static List<ClinicDay> days(OptionReader reader) {
        List<ClinicDay> one = reader.parsed(Option.DAY, null, key -> List.of(ClinicDay.fromKey(key)));
        List<ClinicDay> several = reader.parsed(Option.DAYS, null, ClinicDay::listOf);
        if (reader.given(Option.DAY) && reader.given(Option.DAYS)) {
            reader.error("give day (one day) or days (a list, or all), not both");
        }
        List<ClinicDay> chosen = several != null ? several : one;
        return chosen != null ? chosen : List.of(ClinicDay.MON);
    }

    /** Clinic ids such as {@code 9,10}; the message names the entry that is not one. */
    private static List<Long> ids(String list) {
        List<Long> ids = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            long id;
            try {
                id = Long.parseLong(entry.trim());
            } catch (NumberFormatException e) {
                id = 0;
            }
            if (id < 1) {
                throw new IllegalArgumentException(
                        "clinic ids separated by commas (e.g. 9,10), '" + entry.trim() + "' is not one");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** Where the clinics are: the embedded server makes them so, an external backend's setup did. */
    public ClinicLayout layout() {
        return new ClinicLayout(days, times, rooms);
    }

    Map<String, Object> describe(boolean embedded) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put(Option.DAYS.key(), days.stream().map(ClinicDay::key).toList());
        described.put(
                Option.TIMES.key(),
                times.stream().map(ClinicLayout.TIME_FORMAT::format).toList());
        described.put(Option.ROOMS.key(), rooms);
        described.put(Option.NO_SHOW_STUDENTS.key(), noShowStudents);
        if (!embedded) {
            described.put(Option.CLOSED_CLINIC_IDS.key(), closedClinicIds);
        }
        return described;
    }
}
