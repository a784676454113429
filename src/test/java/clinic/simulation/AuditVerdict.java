package clinic.simulation;

import java.util.List;
import java.util.stream.Collectors;

/** The audit's result: passed when there is no violation; warnings never fail it. */
public record AuditVerdict(List<AuditFinding> violations, List<AuditFinding> warnings) {

    public AuditVerdict {
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** The KO message of the Audit request: every violation, one per line. */
    public String failureMessage() {
        return violations.size() + " audit violation(s): "
                + violations.stream()
                        .map(violation -> violation.kind() + " " + violation.message())
                        .collect(Collectors.joining("; "));
    }
}
