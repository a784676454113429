package clinic.server.repository;

import java.time.LocalTime;

/** A clinic with its subject code and teacher name; {@code day} is the English key ({@code mon}). */
public record ClinicDetails(
        long id,
        String day,
        LocalTime time,
        String room,
        String subjectCode,
        String teacherName,
        int capacity,
        boolean active) {}
