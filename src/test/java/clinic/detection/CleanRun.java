package clinic.detection;

import java.util.ArrayList;
import java.util.List;

/** What a run against the correct server must show: Gatling success, every student logged in, a clean audit. */
final class CleanRun {

    static final String CHECK = "no false alarm: Gatling status 0, audit passed without violations";

    private CleanRun() {}

    /** Why the run is a false alarm; empty when it is clean. */
    static List<String> alarms(LoadTestRun run) {
        List<String> alarms = new ArrayList<>();
        RunSummaryFile summary = run.summary();
        if (!run.succeeded()) {
            alarms.add("Gatling status " + run.gatlingStatus() + ", expected " + LoadTestRun.SUCCESS + " ("
                    + summary.brief() + ")");
        }
        if (summary.studentsLoggedIn() != summary.studentsTotal()) {
            alarms.add("only " + summary.studentsLoggedIn() + " of " + summary.studentsTotal() + " students logged in");
        }
        if (!summary.scheduleFailures().isEmpty()) {
            alarms.add("schedule reads failed for " + summary.scheduleFailures());
        }
        if (!summary.auditRan()
                || !summary.auditPassed()
                || !summary.violations().isEmpty()) {
            alarms.add("the audit did not pass cleanly: " + summary.brief());
        }
        return alarms;
    }
}
