package clinic.server;

import clinic.contract.ClinicDay;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the test clinics are: every day of {@code days}, at every one of {@code times}, {@code rooms}
 * rooms side by side. The one definition of the fixture's clinics, for the embedded target, {@code serve},
 * {@code setup-test-clinics} and the load test's expectations. Rooms are numbered across the times of a
 * day, as the contract's fixture does (18:00 1강의실 &amp; 2강의실, 19:00 3강의실 &amp; 4강의실...), and
 * teacher k teaches room k on every day.
 *
 * @param times in order, each once
 */
public record ClinicLayout(List<ClinicDay> days, List<LocalTime> times, int rooms) {

    /** The contract's eight Monday clinics: 18:00 to 21:00, two rooms at each hour. */
    public static final ClinicLayout STANDARD = new ClinicLayout(
            List.of(ClinicDay.MON),
            List.of(LocalTime.of(18, 0), LocalTime.of(19, 0), LocalTime.of(20, 0), LocalTime.of(21, 0)),
            2);

    /** A school building's worth: more rooms at one hour is no longer a clinic timetable. */
    public static final int MAX_ROOMS = 50;

    public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm");

    /** One clinic of the layout: room k ({@code k강의실}) is taught by teacher k. */
    public record Slot(ClinicDay day, LocalTime time, int roomNumber) {

        public String room() {
            return roomNumber + "강의실";
        }

        public int teacherNumber() {
            return roomNumber;
        }
    }

    public ClinicLayout {
        days = List.copyOf(days);
        times = List.copyOf(new TreeSet<>(times));
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a clinic layout needs at least one day");
        }
        if (times.isEmpty()) {
            throw new IllegalArgumentException("a clinic layout needs at least one time");
        }
        if (rooms < 1 || rooms > MAX_ROOMS) {
            throw new IllegalArgumentException("rooms must be between 1 and " + MAX_ROOMS + ", got " + rooms);
        }
    }

    /** Every clinic, by day, time and room. */
    public List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        for (ClinicDay day : days) {
            for (int time = 0; time < times.size(); time++) {
                for (int room = 1; room <= rooms; room++) {
                    slots.add(new Slot(day, times.get(time), time * rooms + room));
                }
            }
        }
        return slots;
    }

    /**
     * {@code count} more clinics beside the layout, for a fixture that closes some: on its first day at its
     * first time, in the rooms after the layout's last ({@code 9강의실}, {@code 10강의실}... for the
     * contract's), each with a teacher of its own. Beside, not among: the layout's clinics, their seats and
     * what the schedule shows stay as they are.
     */
    public List<Slot> closedSlots(int count) {
        List<Slot> slots = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            slots.add(new Slot(days.get(0), times.get(0), teachers() + k));
        }
        return slots;
    }

    /** How many teachers (and rooms) the layout needs: one per room of a day. */
    public int teachers() {
        return times.size() * rooms;
    }

    /**
     * The times of a comma-separated list of {@code HH:mm} ({@code 16:00,17:30}); an unreadable entry is an
     * error naming it.
     */
    public static List<LocalTime> timesOf(String list) {
        List<LocalTime> times = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            String time = entry.trim();
            try {
                times.add(LocalTime.parse(time, TIME_FORMAT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + time + "' is not a time of day HH:mm (e.g. 18:00)");
            }
        }
        return times;
    }

    /** {@code mon 18:00-21:00 × 2 rooms (8 clinics)}: how messages name a layout. */
    public String describe() {
        return daysText() + " " + timesText() + " × " + rooms + " room(s) (" + days.size() * teachers() + " clinics)";
    }

    /** The days as {@code --days} and {@code -Ddays} take them: {@code mon,wed}. */
    public String daysText() {
        return String.join(",", days.stream().map(ClinicDay::key).toList());
    }

    /** The times as {@code --times} and {@code -Dtimes} take them: {@code 18:00,19:00}. */
    public String timesText() {
        return String.join(",", times.stream().map(TIME_FORMAT::format).toList());
    }
}
