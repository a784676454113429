package clinic.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rendezVous;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import clinic.simulation.audit.BusinessRules;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.backend.PreparedTarget;
import clinic.simulation.options.SimulationOptions;
import clinic.simulation.output.RunOutputs;
import clinic.simulation.scenario.ClinicRequests;
import clinic.simulation.scenario.ClinicSteps;
import clinic.simulation.scenario.ReservationPlanner;
import clinic.simulation.scenario.StudentAccount;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The clinic reservation load test: students register, log in, read the schedule, meet at a rendezvous
 * (or wait for the opening instant, {@code openAt}) and race for the target day's clinics; then one
 * auditor checks the backend's final state against every answer it gave. Several injectors can share a
 * run, each driving its slice of the students and judging what it can alone. Options:
 * {@link SimulationOptions}.
 */
public class ClinicReservationSimulation extends Simulation {

    private final SimulationOptions options = RunOutputs.beforeTheLoad(SimulationOptions::fromSystemProperties);
    private final List<StudentAccount> everyStudent =
            RunOutputs.beforeTheLoad(() -> StudentAccount.load(options.students()));
    /** This injector's students: all of them unless several injectors share the run. */
    private final List<StudentAccount> students = everyStudent.stream()
            .filter(student -> options.shard().drives(student.index()))
            .toList();

    private final RunLedger ledger = new RunLedger();
    private final AtomicReference<FinalStateAudit.Result> audit = new AtomicReference<>();
    private final PreparedTarget target = RunOutputs.beforeTheLoad(() -> PreparedTarget.prepare(options, students));
    private final ClinicSteps steps = new ClinicSteps(
            new ClinicRequests(options.requestTimeout()),
            ledger,
            ReservationPlanner.from(options),
            options.days(),
            target.closedClinicIds(),
            new FinalStateAudit(
                    target.before(),
                    target.expectedClinics(),
                    BusinessRules.of(
                            everyStudent.stream().map(StudentAccount::username).toList(),
                            options.noShowStudents(),
                            target.closedClinicIds(),
                            options.strictSecurity()),
                    everyStudent.stream()
                            .filter(student -> !options.shard().drives(student.index()))
                            .map(StudentAccount::username)
                            .collect(Collectors.toSet())));

    private final HttpProtocolBuilder httpProtocol =
            http.baseUrl(target.baseUrl()).acceptHeader("application/json").userAgentHeader("clinic-load (Gatling)");

    private final ScenarioBuilder studentsReserving = scenario("Students")
            .feed(listFeeder(students.stream().map(StudentAccount::feederRecord).toList())
                    .queue())
            .exec(steps.arrive())
            .doIf(session -> options.register())
            .then(steps.register())
            .exec(steps.login(), steps.readSchedule())
            .exec(options.openAt() == null ? rendezVous(students.size()) : steps.awaitOpening(options.openAt()))
            .exec(steps.reserveClinics());

    private final ScenarioBuilder finalStateAudit = scenario("Final state audit")
            .feed(listFeeder(List.of(students.get(0).feederRecord())))
            .exec(steps.audit(audit::set));

    {
        RunOutputs.announce(options, target);
        setUp(studentsReserving
                        .injectOpen(options.profile().injection(options))
                        .andThen(finalStateAudit.injectOpen(atOnceUsers(1))))
                .protocols(httpProtocol)
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
                                .lt(options.p95Ms()))
                .maxDuration(options.maxDuration());
    }

    @Override
    public void after() {
        try {
            RunOutputs.write(options, ledger, audit.get(), target);
        } finally {
            target.close();
        }
    }
}
