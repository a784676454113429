package clinic.simulation.options;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each student does once the reservations open.
 *
 * @param minReservations the fewest clinics a student tries
 * @param maxReservations the most clinics a student tries
 * @param pauseMin seconds between two tries of a student, at least
 * @param pauseMax seconds between two tries of a student, at most
 * @param doubleClickShare the share of students who double-click: every try of theirs is sent twice at once
 * @param persistentShare the share of students who, told occupied, try another clinic until they have a
 *     seat or none is left
 * @param probeForeignBooking whether a few students try to book for another student (refused with 403
 *     forbidden when the backend is safe)
 */
public record StudentBehaviour(
        int minReservations,
        int maxReservations,
        double pauseMin,
        double pauseMax,
        double doubleClickShare,
        double persistentShare,
        boolean probeForeignBooking) {

    static StudentBehaviour read(OptionReader reader) {
        int min = reader.integer(Option.MIN_RESERVATIONS, 1, 1, 100);
        int max = reader.integer(Option.MAX_RESERVATIONS, 5, 1, 100);
        if (max < min) {
            reader.error("maxReservations (" + max + ") must not be below minReservations (" + min + ")");
        }
        double pauseMin = reader.decimal(Option.PAUSE_MIN, 0.1, 0, 60);
        double pauseMax = reader.decimal(Option.PAUSE_MAX, 2.0, 0, 60);
        if (pauseMax < pauseMin) {
            reader.error("pauseMax (" + pauseMax + ") must not be below pauseMin (" + pauseMin + ")");
        }
        double doubleClickShare = reader.decimal(Option.DOUBLE_CLICK_SHARE, 0.15, 0, 1);
        double persistentShare = reader.decimal(Option.PERSISTENT_SHARE, 0.1, 0, 1);
        if (doubleClickShare + persistentShare > 1) {
            reader.error("doubleClickShare + persistentShare must not be above 1, got " + doubleClickShare + " + "
                    + persistentShare);
        }
        return new StudentBehaviour(
                min,
                max,
                pauseMin,
                pauseMax,
                doubleClickShare,
                persistentShare,
                reader.bool(Option.PROBE_FOREIGN_BOOKING, true));
    }

    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put(Option.MIN_RESERVATIONS.key(), minReservations);
        described.put(Option.MAX_RESERVATIONS.key(), maxReservations);
        described.put(Option.PAUSE_MIN.key(), pauseMin);
        described.put(Option.PAUSE_MAX.key(), pauseMax);
        described.put(Option.DOUBLE_CLICK_SHARE.key(), doubleClickShare);
        described.put(Option.PERSISTENT_SHARE.key(), persistentShare);
        described.put(Option.PROBE_FOREIGN_BOOKING.key(), probeForeignBooking);
        return described;
    }
}
