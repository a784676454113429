package clinic.detection;

import clinic.simulation.audit.Finding;
import clinic.simulation.audit.RuleCheck;
import clinic.simulation.output.RunSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run against the correct server must show: Gatling success, every student logged in, a clean
 * audit, and every business rule provoked and kept (no warning either: the correct server forbids booking
 * for another student).
 */
final class CleanRun {

    static final String CHECK =
            "no false alarm: Gatling status 0, audit passed without violations, every business rule tried and held";

    private CleanRun() {}

    /** Why the run is a false alarm; empty when it is clean. */
    static List<String> alarms(LoadTestRun run) {
        List<String> alarms = new ArrayList<>();
        RunSummary summary = run.summary();
        if (!run.succeeded()) {
            alarms.add("Gatling status " + run.gatlingStatus() + ", expected " + LoadTestRun.SUCCESS + " ("
                    + summary.brief() + ")");
        }
        if (summary.students().loggedIn() != summary.students().total()) {
            alarms.add("only " + summary.students().loggedIn() + " of "
                    + summary.students().total() + " students logged in");
        }
        if (!summary.students().scheduleFailures().isEmpty()) {
            alarms.add("schedule reads failed for " + summary.students().scheduleFailures());
        }
        if (!summary.audit().ran()
                || !summary.audit().passed()
                || !summary.audit().violations().isEmpty()
                || summary.audit().warnings().stream()
                        .anyMatch(warning -> warning.kind() == Finding.Kind.FOREIGN_BOOKING)) {
            alarms.add("the audit did not pass cleanly: " + summary.brief());
        }
        summary.audit().rules().stream()
                .filter(check -> check.outcome() != RuleCheck.Outcome.HELD)
                .forEach(check -> alarms.add("business rule " + check.rule() + " was " + check.outcome()
                        + " (a standard run must put every rule to the test and the correct server keep it): "
                        + check));
        if (summary.audit().rules().size() != RuleCheck.Rule.values().length) {
            alarms.add("the audit judged " + summary.audit().rules().size() + " business rules, expected "
                    + RuleCheck.Rule.values().length);
        }
        return alarms;
    }
}
