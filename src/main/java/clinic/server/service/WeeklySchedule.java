package clinic.server.service;

import clinic.server.repository.ClinicDetails;
import clinic.server.repository.RosterEntry;
import java.util.List;
import java.util.Map;

/**
 * The week's grid of active clinics.
 *
 * @param grid    day key → time ("18:00") → the lowest-id clinic there, or null for an empty cell
 * @param clinics every active clinic ordered by day, time, room; null for a backend that leaves the list out,
 *     as production does
 */
public record WeeklySchedule(
        List<String> days,
        List<String> times,
        Map<String, Map<String, ClinicSlot>> grid,
        List<ClinicSlot> clinics,
        int totalClinics) {

    /** One clinic and its students in booking order. */
    public record ClinicSlot(ClinicDetails clinic, List<RosterEntry> students) {}
}
