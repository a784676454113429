package clinic.detection;

import clinic.simulation.output.RunSummary;
import java.util.ArrayList;
import java.util.List;

/** What a run against the correct server must show: Gatling success, every student logged in, a clean audit. */
final class CleanRun {

    static final String CHECK = "no false alarm: Gatling status 0, audit passed without violations";

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
                || !summary.audit().violations().isEmpty()) {
            alarms.add("the audit did not pass cleanly: " + summary.brief());
        }
        return alarms;
    }
}
