package clinic.server.repository;

/** One reservation row with its student, one per row (a duplicated row shows twice). */
public record RosterEntry(long clinicId, long studentId, String name, String username) {}
