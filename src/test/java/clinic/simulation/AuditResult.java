package clinic.simulation;

/** What the audit user read and concluded. */
public record AuditResult(WeeklySchedule finalSchedule, AuditVerdict verdict) {}
