package clinic.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.rendezVous;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import clinic.simulation.history.ResultsHistory;
import clinic.simulation.options.LoadProfile;
import clinic.simulation.options.RunOptions;
import clinic.simulation.report.ReportPage;
import clinic.simulation.scenario.ClinicSteps;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;

/**
 * The clinic reservation load test (the original tool's scenario): students register, log in, read the
 * schedule, wait until every one of them has (or for {@code -DopenAt}), then race for the clinics; then
 * one auditor checks the backend's final state against every answer it gave. Options: docs/options.md;
 * {@code -Drepeat=N} runs it N times as a set to compare with another ({@link ClinicRun#prepare}, docs/comparison.md).
 */
public class ClinicReservationSimulation extends Simulation {

    private final ClinicRun run = ClinicRun.prepare(ClinicReservationSimulation::injection);
    private final RunOptions options = run.options();
    private final ClinicSteps steps = run.steps();

    private final ScenarioBuilder students = scenario("Students")
            .feed(run.students())
            .exec(steps.arrive())
            .doIf(session -> options.target().register())
            .then(steps.register())
            .exec(steps.login(), steps.readSchedule())
            .exec(
                    options.injectors().openAt() == null
                            ? rendezVous(options.studentsHere())
                            : steps.awaitOpening(options.injectors().openAt()))
            .exec(steps.reserveClinics());

    private final ScenarioBuilder auditor = scenario("Final state audit")
            .feed(run.auditor())
            .exec(run.auditSteps().audit(run::auditConcluded));

    /**
     * How the students arrive: tune the load here, with any of Gatling's open injection steps
     * (https://docs.gatling.io/concepts/injection/). The run has as many students as this brings;
     * {@code -Dprofile} picks one of these shapes, {@code -Dstudents} and the profile's options set its numbers.
     */
    static OpenInjectionStep[] injection(LoadProfile load) {
        return switch (load.shape()) {
            case AT_ONCE -> new OpenInjectionStep[] {atOnceUsers(load.students())};
            case RAMP -> new OpenInjectionStep[] {rampUsers(load.students()).during(load.ramp())};
            case CONSTANT_RATE ->
                new OpenInjectionStep[] {constantUsersPerSec(load.usersPerSec()).during(load.duration())};
        };
    }

    {
        setUp(students.injectOpen(run.injection()).andThen(auditor.injectOpen(atOnceUsers(1))))
                .protocols(http.baseUrl(run.baseUrl())
                        .acceptHeader("application/json")
                        .userAgentHeader("clinic-load (Gatling)"))
                .assertions(
                        details("Login").failedRequests().count().is(0L),
                        details("Schedule").failedRequests().count().is(0L),
                        details("Audit").failedRequests().count().is(0L),
                        details("Audit", "Audit final state")
                                .allRequests()
                                .count()
                                .is(1L),
                        details("Reserve", "Reserve clinic")
                                .responseTime()
                                .percentile(95.0)
                                .lt(options.criteria().p95Ms()))
                .maxDuration(run.maxDuration());
    }

    @Override
    public void after() {
        try (run) {
            Path folder = run.writeOutputs();
            ReportPage.publish(folder);
            ResultsHistory.publish(Path.of(options.resultsFolder()));
        }
    }
}
