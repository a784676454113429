package clinic.simulation.scenario;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;

import clinic.contract.ClinicDay;
import clinic.simulation.answers.JudgedAnswer;
import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.answers.NoAnswer;
import clinic.simulation.answers.RegistrationAnswer;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.audit.RunLedger.Login;
import clinic.simulation.audit.RunLedger.Registration;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.audit.RunLedger.ScheduleRead;
import clinic.simulation.scenario.ReservationPlanner.PlannedAttempt;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The business steps of a student and of the auditor, each a Gatling {@code group} whose answers go
 * into the ledger.
 */
public final class ClinicSteps {

    /** The audit's answer: the final schedule read and judged; its failure lists every violation. */
    private record AuditAnswer(FinalStateAudit.Result result, String failure) implements JudgedAnswer {}

    private final ClinicRequests requests;
    private final RunLedger ledger;
    private final ReservationPlanner planner;
    private final List<ClinicDay> days;
    private final FinalStateAudit audit;

    public ClinicSteps(
            ClinicRequests requests,
            RunLedger ledger,
            ReservationPlanner planner,
            List<ClinicDay> days,
            FinalStateAudit audit) {
        this.requests = requests;
        this.ledger = ledger;
        this.planner = planner;
        this.days = days;
        this.audit = audit;
    }

    /** A student arrives: the first one marks the start of the load. */
    public ChainBuilder arrive() {
        return exec(session -> {
            ledger.markLoadStarted(Instant.now());
            return session;
        });
    }

    /** Registers the student; an existing account is reused. A refusal is KO but the student goes on. */
    public ChainBuilder register() {
        return exec(ClinicSteps::beforeRequest)
                .group("Register")
                .on(requests.register())
                .exec(this::recordRegistration);
    }

    /** Logs in and keeps the token and the student's id; without them the student will not reserve. */
    public ChainBuilder login() {
        return exec(ClinicSteps::beforeRequest)
                .group("Login")
                .on(requests.login("Log in"))
                .exec(this::recordLogin);
    }

    /** Reads the weekly schedule and plans the reservation attempts among the clinics of the run's days. */
    public ChainBuilder readSchedule() {
        return doIf(ClinicSteps::loggedIn)
                .then(exec(ClinicSteps::beforeRequest)
                        .group("Schedule")
                        .on(requests.weeklySchedule("Weekly schedule"))
                        .exec(this::recordScheduleAndPlan));
    }

    /** The planned attempts, a pause before each but the first; does nothing for a student without a plan. */
    public ChainBuilder reserveClinics() {
        return doIf(ClinicSteps::hasPlan)
                .then(foreach(session -> session.getList(SessionKeys.PLAN), SessionKeys.ATTEMPT)
                        .on(
                                pause(session -> session.<PlannedAttempt>get(SessionKeys.ATTEMPT)
                                        .pauseBefore()),
                                exec(ClinicSteps::beforeRequest),
                                group("Reserve").on(requests.reserve()),
                                exec(this::recordAttempt)));
    }

    /**
     * After the load: one user logs in, reads the final schedule and audits it against the ledger; what it
     * concluded goes to {@code result} (nothing when the final state could not be read).
     */
    public ChainBuilder audit(Consumer<FinalStateAudit.Result> result) {
        return exec(session -> {
                    ledger.markLoadEnded(Instant.now());
                    return beforeRequest(session);
                })
                .group("Audit")
                .on(
                        requests.login("Audit login"),
                        exec(this::keepAuditToken),
                        doIf(ClinicSteps::loggedIn)
                                .then(requests.weeklySchedule(
                                        "Audit final state",
                                        "final state audit",
                                        (status, body) -> auditAnswer(status, body, result))));
    }

    private AuditAnswer auditAnswer(int status, String body, Consumer<FinalStateAudit.Result> sink) {
        ScheduleSnapshot.Answer read = ScheduleSnapshot.Answer.classify(status, body);
        if (!read.ok()) {
            return new AuditAnswer(null, "final state unreadable: " + read.failure());
        }
        FinalStateAudit.Result result = audit.judge(read.schedule(), ledger.attempts());
        sink.accept(result);
        return new AuditAnswer(
                result, result.verdict().passed() ? null : result.verdict().failureMessage());
    }

    private static Session beforeRequest(Session session) {
        return session.removeAll(SessionKeys.STATUS, SessionKeys.BODY, SessionKeys.LATENCY_MS, SessionKeys.ANSWER)
                .set(SessionKeys.SENT_AT_MS, System.currentTimeMillis());
    }

    private static boolean answered(Session session) {
        return session.contains(SessionKeys.ANSWER);
    }

    /** The answer its request read, or what no answer means for this kind of request. */
    private <T extends JudgedAnswer> T answer(Session session, Function<NoAnswer, T> none) {
        return answered(session)
                ? session.get(SessionKeys.ANSWER)
                : none.apply(NoAnswer.after(latency(session), requests.timeout()));
    }

    private static boolean loggedIn(Session session) {
        return session.contains(SessionKeys.TOKEN);
    }

    private static boolean hasPlan(Session session) {
        return loggedIn(session)
                && session.contains(SessionKeys.PLAN)
                && !session.getList(SessionKeys.PLAN).isEmpty();
    }

    private static long latency(Session session) {
        return answered(session)
                ? session.getLong(SessionKeys.LATENCY_MS)
                : System.currentTimeMillis() - session.getLong(SessionKeys.SENT_AT_MS);
    }

    private static Integer status(Session session) {
        return answered(session) ? session.getInt(SessionKeys.STATUS) : null;
    }

    private static String body(Session session) {
        return answered(session) ? session.getString(SessionKeys.BODY) : null;
    }

    private Session recordRegistration(Session session) {
        RegistrationAnswer answer = answer(session, RegistrationAnswer::none);
        ledger.add(new Registration(
                ClinicRequests.account(session).username(),
                answer,
                status(session),
                latency(session),
                body(session),
                Instant.now()));
        return session;
    }

    private Session recordLogin(Session session) {
        LoginAnswer answer = answer(session, LoginAnswer::none);
        ledger.add(new Login(
                ClinicRequests.account(session).username(),
                answer.studentId(),
                answer.failure(),
                status(session),
                latency(session),
                answer.ok() ? null : body(session),
                Instant.now()));
        return answer.ok()
                ? session.set(SessionKeys.TOKEN, answer.token()).set(SessionKeys.STUDENT_ID, answer.studentId())
                : session;
    }

    private Session keepAuditToken(Session session) {
        LoginAnswer answer = answer(session, LoginAnswer::none);
        return answer.ok() ? session.set(SessionKeys.TOKEN, answer.token()) : session;
    }

    private Session recordScheduleAndPlan(Session session) {
        ScheduleSnapshot.Answer answer = answer(session, ScheduleSnapshot.Answer::none);
        ledger.add(new ScheduleRead(
                ClinicRequests.account(session).username(),
                answer.failure(),
                status(session),
                latency(session),
                null,
                Instant.now()));
        // the whole week's schedule must not wait in every student's session through the rendezvous
        Session withoutSchedule = session.remove(SessionKeys.ANSWER);
        if (!answer.ok()) {
            return withoutSchedule;
        }
        List<Long> visible = answer.schedule().on(days).stream()
                .map(ScheduleSnapshot.Clinic::id)
                .toList();
        return withoutSchedule.set(
                SessionKeys.PLAN, planner.plan(ClinicRequests.account(session).index(), visible));
    }

    private Session recordAttempt(Session session) {
        PlannedAttempt attempt = session.get(SessionKeys.ATTEMPT);
        ReservationAnswer answer = answer(session, ReservationAnswer::none);
        ledger.add(new ReservationAttempt(
                ClinicRequests.account(session).username(),
                session.getLong(SessionKeys.STUDENT_ID),
                attempt.clinicId(),
                answer,
                status(session),
                latency(session),
                body(session),
                Instant.now()));
        return session;
    }
}
