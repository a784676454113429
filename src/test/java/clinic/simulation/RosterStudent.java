package clinic.simulation;

/** A student listed in a clinic's roster by the weekly schedule. */
public record RosterStudent(long id, String name, String username) {}
