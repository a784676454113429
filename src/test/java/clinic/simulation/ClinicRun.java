package clinic.simulation;

import static io.gatling.javaapi.core.CoreDsl.listFeeder;

import clinic.simulation.audit.AcceptedFindings;
import clinic.simulation.audit.BusinessRules;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.backend.PreparedTarget;
import clinic.simulation.compare.CompareOptions;
import clinic.simulation.compare.RepeatedRuns;
import clinic.simulation.history.ResultsHistory;
import clinic.simulation.options.LoadProfile;
import clinic.simulation.options.OptionReader;
import clinic.simulation.options.RunOptions;
import clinic.simulation.output.RunOutputs;
import clinic.simulation.scenario.AuditSteps;
import clinic.simulation.scenario.ClinicRequests;
import clinic.simulation.scenario.ClinicSteps;
import clinic.simulation.scenario.GatlingInternals;
import clinic.simulation.scenario.ReservationPlanner;
import clinic.simulation.scenario.StudentAccount;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One run of the clinic reservation load, prepared before Gatling starts it: as many students as its
 * injection brings, the backend ready with its schedule before the load, the ledger of answers and the
 * final-state audit; and, once the load is over, what the run leaves behind.
 */
final class ClinicRun implements AutoCloseable {

    private final RunOptions options;
    private final OpenInjectionStep[] injection;
    private final List<StudentAccount> everyStudent;
    private final PreparedTarget target;
    private final RunLedger ledger = new RunLedger();
    private final AtomicReference<FinalStateAudit.Result> audit = new AtomicReference<>();
    private final ClinicSteps steps;
    private final AuditSteps auditSteps;

    private ClinicRun(RunOptions options, OpenInjectionStep[] injection) {
        this.options = options;
        this.injection = injection;
        this.everyStudent = StudentAccount.load(options.students());
        AcceptedFindings accepted = acceptedFindings(options);
        this.target = PreparedTarget.prepare(options, studentsHere());
        ClinicRequests requests = new ClinicRequests(options.target().requestTimeout());
        this.steps = new ClinicSteps(
                requests,
                ledger,
                ReservationPlanner.from(options),
                options.week().days(),
                target.closedClinicIds(),
                options.injectors().shard());
        this.auditSteps = new AuditSteps(requests, ledger, audit(accepted));
        RunOutputs.announce(options, target);
    }

    /**
     * The run of the {@code -D} options, with as many students as the injection built from them brings;
     * stops before any load, saying why, when it cannot start. With {@code -Drepeat} it does not return: the
     * JVM runs the set instead ({@link #repeat}).
     */
    static ClinicRun prepare(Function<LoadProfile, OpenInjectionStep[]> injectionOf) {
        return RunOutputs.beforeTheLoad(() -> {
            OptionReader reader = OptionReader.ofSystemProperties();
            CompareOptions compare = CompareOptions.read(reader);
            RunOptions given = RunOptions.read(reader);
            OpenInjectionStep[] injection = injectionOf.apply(given.load());
            RunOptions options = given.withStudents(GatlingInternals.users(injection));
            if (compare.repeated()) {
                repeat(options, compare);
            }
            return new ClinicRun(options, injection);
        });
    }

    /**
     * {@code -Drepeat=N}: this JVM loads nothing itself. It runs the simulation N times, each in a JVM of its
     * own on a fresh week, as one set; compares the set with {@code -Dbaseline}; refreshes results/index.html;
     * and ends with the set's status, 2 when the comparison's gate failed (docs/comparison.md).
     */
    private static void repeat(RunOptions options, CompareOptions compare) {
        RepeatedRuns.Outcome set = RepeatedRuns.run(options, compare, ClinicReservationSimulation.class.getName());
        ResultsHistory.publish(Path.of(options.resultsFolder()));
        System.exit(set.status());
    }

    RunOptions options() {
        return options;
    }

    ClinicSteps steps() {
        return steps;
    }

    AuditSteps auditSteps() {
        return auditSteps;
    }

    OpenInjectionStep[] injection() {
        return injection;
    }

    /**
     * Every student of the run, one per injected user in order; with several injectors each drives its
     * slice and lets the others' users leave at once ({@link ClinicSteps#arrive()}).
     */
    FeederBuilder<Object> students() {
        return listFeeder(
                        everyStudent.stream().map(StudentAccount::feederRecord).toList())
                .queue();
    }

    /** The auditor logs in as the first student this injector drives. */
    FeederBuilder<Object> auditor() {
        return listFeeder(List.of(studentsHere().get(0).feederRecord()));
    }

    String baseUrl() {
        return target.baseUrl();
    }

    Duration maxDuration() {
        return options.maxDuration(GatlingInternals.arrivals(injection));
    }

    /** Keeps what the audit concluded, for the run's files. */
    void auditConcluded(FinalStateAudit.Result result) {
        audit.set(result);
    }

    /** The summary, clinic_test.log and the attempts beside Gatling's report; the run folder they are in. */
    Path writeOutputs() {
        return RunOutputs.write(options, ledger, audit.get(), target);
    }

    @Override
    public void close() {
        target.close();
    }

    /** The audit of this run's final state: what the setup made and arranged, and what is already accepted. */
    private FinalStateAudit audit(AcceptedFindings accepted) {
        List<String> usernames =
                everyStudent.stream().map(StudentAccount::username).toList();
        return new FinalStateAudit(
                target.before(),
                target.expectedClinics(),
                BusinessRules.of(
                        usernames,
                        options.week().noShowStudents(),
                        target.closedClinicIds(),
                        options.criteria().strictSecurity()),
                everyStudent.stream()
                        .filter(student -> !drivesHere(student))
                        .map(StudentAccount::username)
                        .collect(Collectors.toSet()),
                accepted);
    }

    /** The baselines of accepted findings the options name; nothing accepted without one. */
    private static AcceptedFindings acceptedFindings(RunOptions options) {
        return options.criteria().acceptedFindings().stream()
                .map(AcceptedFindings::read)
                .reduce(AcceptedFindings.NONE, AcceptedFindings::and);
    }

    private List<StudentAccount> studentsHere() {
        return everyStudent.stream().filter(this::drivesHere).toList();
    }

    private boolean drivesHere(StudentAccount student) {
        return options.injectors().shard().drives(student.index());
    }
}
