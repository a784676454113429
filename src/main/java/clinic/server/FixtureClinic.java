package clinic.server;

/** One clinic the test fixture created or kept; {@code day} is the English key ({@code mon}). */
public record FixtureClinic(
        long id, String day, String time, String room, String subject, String teacherName, int capacity) {}
