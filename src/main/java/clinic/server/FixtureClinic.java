package clinic.server;

/**
 * One clinic the test fixture created or kept; {@code day} is the English key ({@code mon}).
 *
 * @param active false for a clinic the fixture closed (it answers reservation_closed)
 */
public record FixtureClinic(
        long id,
        String day,
        String time,
        String room,
        String subject,
        String teacherName,
        int capacity,
        boolean active) {}
