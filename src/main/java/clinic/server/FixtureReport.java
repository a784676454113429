package clinic.server;

import java.util.List;

/** What loading the fixture did: the resulting clinic list and the student accounts. */
public record FixtureReport(
        List<FixtureClinic> clinics, int clinicsDeleted, int studentsCreated, int studentsExisting) {}
