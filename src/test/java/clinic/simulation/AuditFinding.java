package clinic.simulation;

/** One thing the final-state audit found: a violation, or a warning that does not fail the run. */
public record AuditFinding(Kind kind, String message) {

    public enum Kind {
        OVER_CAPACITY,
        DUPLICATE_STUDENT,
        ACCEPTED_MISSING,
        PHANTOM_RESERVATION,
        CLINIC_NOT_VISIBLE,
        TECHNICAL_FAILURES,
        /** Warning only: production allows one student in two clinics at the same day and time. */
        SAME_TIME_CLINICS
    }
}
