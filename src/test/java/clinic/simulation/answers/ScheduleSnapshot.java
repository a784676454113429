package clinic.simulation.answers;

import clinic.contract.ClinicDay;
import clinic.contract.Field;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The clinics a weekly-schedule answer reveals, with their rosters. The reference server's {@code clinics}
 * list is complete; the production grid shows only one clinic per day and time, so it is the fallback,
 * using the cells whose clinic_id is set.
 */
public final class ScheduleSnapshot {

    /** A student listed in a clinic's roster. */
    public record RosterStudent(long id, String name, String username) {}

    /** One clinic as the schedule shows it: where and when, capacity, and who is in it. */
    public record Clinic(
            long id,
            String day,
            String time,
            String room,
            String subject,
            String teacherName,
            int capacity,
            int currentCount,
            List<RosterStudent> students) {

        public Clinic {
            students = List.copyOf(students);
        }

        /** {@code 클리닉 12 (mon 18:00 1강의실)}: how the audit names a clinic. */
        public String label() {
            return "클리닉 " + id + " (" + slot() + ")";
        }

        /** {@code mon 18:00 1강의실}: where and when, the clinic's identity from one run to the next (ids are not). */
        public String slot() {
            return day + " " + time + " " + room;
        }
    }

    /**
     * A weekly-schedule answer: the snapshot when it was a readable 200, otherwise what was wrong.
     *
     * @param schedule null when {@code failure} is set
     */
    public record Answer(ScheduleSnapshot schedule, String failure) implements JudgedAnswer {

        public static Answer none(NoAnswer why) {
            return new Answer(null, why.label());
        }

        public static Answer classify(int status, String body) {
            if (status != 200) {
                return new Answer(null, "weekly schedule refused: HTTP " + status);
            }
            try {
                return new Answer(parse(body), null);
            } catch (IllegalArgumentException e) {
                return new Answer(null, e.getMessage());
            }
        }
    }

    private static final Comparator<Clinic> BY_SLOT = Comparator.comparing((Clinic clinic) ->
                    ClinicDay.find(clinic.day()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(Clinic::time)
            .thenComparing(Clinic::room, ScheduleSnapshot::compareRooms)
            .thenComparingLong(Clinic::id);

    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,9})");

    /** Rooms by their number when they have one ({@code 2강의실} before {@code 10강의실}), else by name. */
    private static int compareRooms(String first, String second) {
        Matcher a = LEADING_NUMBER.matcher(first);
        Matcher b = LEADING_NUMBER.matcher(second);
        if (a.find() && b.find()) {
            int byNumber = Integer.compare(Integer.parseInt(a.group(1)), Integer.parseInt(b.group(1)));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return first.compareTo(second);
    }

    private final List<Clinic> clinics;
    private final boolean fromClinicList;
    private final Set<Long> closedClinicIds;
    private final Map<Long, Clinic> byId;

    public ScheduleSnapshot(List<Clinic> clinics, boolean fromClinicList) {
        this(clinics, fromClinicList, Set.of());
    }

    /**
     * @param fromClinicList true when the answer had the reference server's complete {@code clinics} list;
     *     false when only the production grid was there (one clinic per day and time)
     * @param closedClinicIds clinics the answer showed as closed ({@code "is_active": false} or
     *     {@code "clinic_status": "inactive"}); the contract shows only active ones, a backend may show more
     */
    public ScheduleSnapshot(List<Clinic> clinics, boolean fromClinicList, Set<Long> closedClinicIds) {
        this.clinics = List.copyOf(clinics);
        this.fromClinicList = fromClinicList;
        this.closedClinicIds = Set.copyOf(closedClinicIds);
        this.byId = this.clinics.stream()
                .collect(Collectors.toMap(Clinic::id, Function.identity(), (first, second) -> first));
    }

    public List<Clinic> clinics() {
        return clinics;
    }

    public boolean fromClinicList() {
        return fromClinicList;
    }

    /** Clinics shown as closed: not among {@link #clinics()}, which are the open ones. */
    public Set<Long> closedClinicIds() {
        return closedClinicIds;
    }

    /** The clinics of one day, by time, room, id. */
    public List<Clinic> on(ClinicDay day) {
        return on(List.of(day));
    }

    /** The clinics of these days, by day (in the week's order), time, room, id. */
    public List<Clinic> on(Collection<ClinicDay> days) {
        Set<String> keys = days.stream().map(ClinicDay::key).collect(Collectors.toSet());
        return clinics.stream()
                .filter(clinic -> keys.contains(clinic.day()))
                .sorted(BY_SLOT)
                .toList();
    }

    public Optional<Clinic> clinic(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong when the body is not a schedule. */
    public static ScheduleSnapshot parse(String body) {
        JsonNode root = SimulationJson.object(body)
                .orElseThrow(() -> new IllegalArgumentException(
                        "weekly schedule is not a JSON object: " + SimulationJson.quote(body)));
        JsonNode list = root.get(Field.CLINICS);
        List<Clinic> clinics = new ArrayList<>();
        Set<Long> closed = new HashSet<>();
        if (list != null && list.isArray()) {
            for (JsonNode cell : list) {
                add(clinic(cell, required(cell, Field.DAY), required(cell, Field.TIME)), cell, clinics, closed);
            }
            return new ScheduleSnapshot(clinics, true, closed);
        }
        JsonNode grid = root.get(Field.SCHEDULE);
        if (grid == null || !grid.isObject()) {
            throw new IllegalArgumentException("weekly schedule has neither a 'clinics' list nor a 'schedule' grid: "
                    + SimulationJson.quote(body));
        }
        for (Iterator<Map.Entry<String, JsonNode>> days = grid.fields(); days.hasNext(); ) {
            Map.Entry<String, JsonNode> day = days.next();
            for (Iterator<Map.Entry<String, JsonNode>> times = day.getValue().fields(); times.hasNext(); ) {
                Map.Entry<String, JsonNode> time = times.next();
                JsonNode clinicId = time.getValue().get(Field.CLINIC_ID);
                if (clinicId != null && !clinicId.isNull()) {
                    add(clinic(time.getValue(), day.getKey(), time.getKey()), time.getValue(), clinics, closed);
                }
            }
        }
        return new ScheduleSnapshot(clinics, false, closed);
    }

    private static void add(Clinic clinic, JsonNode cell, List<Clinic> open, Set<Long> closed) {
        boolean inactive = (cell.path(Field.IS_ACTIVE).isBoolean()
                        && !cell.path(Field.IS_ACTIVE).asBoolean())
                || Field.INACTIVE.equals(cell.path(Field.CLINIC_STATUS).asText());
        if (inactive) {
            closed.add(clinic.id());
        } else {
            open.add(clinic);
        }
    }

    private static Clinic clinic(JsonNode cell, String day, String time) {
        JsonNode id = cell.get(Field.CLINIC_ID);
        if (id == null || !id.canConvertToLong()) {
            throw new IllegalArgumentException("schedule cell " + day + " " + time + " has no numeric clinic_id");
        }
        List<RosterStudent> students = new ArrayList<>();
        JsonNode roster = cell.get(Field.STUDENTS);
        if (roster != null && roster.isArray()) {
            for (JsonNode student : roster) {
                students.add(new RosterStudent(
                        student.path(Field.ID).asLong(),
                        student.path(Field.NAME).asText(""),
                        student.path(Field.USERNAME).asText("")));
            }
        }
        return new Clinic(
                id.asLong(),
                day,
                time,
                cell.path(Field.ROOM).asText(""),
                cell.path(Field.SUBJECT).asText(""),
                cell.path(Field.TEACHER_NAME).asText(""),
                cell.path(Field.CAPACITY).asInt(),
                cell.path(Field.CURRENT_COUNT).asInt(students.size()),
                students);
    }

    private static String required(JsonNode cell, String field) {
        String value = SimulationJson.text(cell, field);
        if (value == null) {
            throw new IllegalArgumentException("a clinic of the 'clinics' list has no '" + field + "'");
        }
        return value;
    }
}
