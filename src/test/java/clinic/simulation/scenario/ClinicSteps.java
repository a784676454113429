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
import clinic.simulation.report.ReportPage;
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

    /** The audit's answer: the final schedule read and judged; its failure says what is wrong. */
    private record AuditAnswer(FinalStateAudit.Result result, String failure) implements JudgedAnswer {}

    private static final String AUDIT_JUDGEMENT = "최종 상태 감사";

    private final ClinicRequests requests;
    private final RunLedger ledger;
    private final ReservationPlanner planner;
    private final ClinicDay day;
    private final FinalStateAudit audit;

    public ClinicSteps(
            ClinicRequests requests,
            RunLedger ledger,
            ReservationPlanner planner,
            ClinicDay day,
            FinalStateAudit audit) {
        this.requests = requests;
        this.ledger = ledger;
        this.planner = planner;
        this.day = day;
        this.audit = audit;
    }

    /** Registers the student; an existing account is reused. A refusal is KO but the student goes on. */
    public ChainBuilder register() {
        return exec(session -> {
                    ledger.markLoadStarted(Instant.now());
                    return beforeRequest(session);
                })
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

    /** Reads the weekly schedule and plans the reservation attempts among the target day's clinics. */
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
     * concluded goes to {@code result} (nothing when the final state could not be read). Then each kind of
     * violation is checked on a read of its own, so that Gatling's report has one row per audit check and
     * the Errors table one row per kind of violation found, within the length Gatling keeps.
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
                                        AUDIT_JUDGEMENT,
                                        (status, body) -> auditAnswer(status, body, result))),
                        doIf(ClinicSteps::finalStateRead).then(auditChecks()));
    }

    /** One request per kind of violation, in a chain of their own. */
    private ChainBuilder auditChecks() {
        return exec(FinalStateAudit.Finding.Kind.violations().stream()
                .map(kind -> exec(ClinicSteps::beforeRequest)
                        .exec(requests.weeklySchedule(
                                "Audit " + kind, AUDIT_JUDGEMENT, (status, body) -> auditCheck(status, body, kind))))
                .toList());
    }

    private AuditAnswer auditAnswer(int status, String body, Consumer<FinalStateAudit.Result> sink) {
        return audited(status, body, result -> {
            sink.accept(result);
            return null;
        });
    }

    /** One kind of violation, judged on this read of the final state. */
    private AuditAnswer auditCheck(int status, String body, FinalStateAudit.Finding.Kind kind) {
        return audited(
                status,
                body,
                result -> result.verdict()
                        .failureMessage(kind, ClinicRequests.failureRoom(AUDIT_JUDGEMENT), "전체는 " + ReportPage.FILE));
    }

    /** The final state read and audited; {@code failure} says what is wrong with what the audit concluded. */
    private AuditAnswer audited(int status, String body, Function<FinalStateAudit.Result, String> failure) {
        ScheduleSnapshot.Answer read = ScheduleSnapshot.Answer.classify(status, body);
        if (!read.ok()) {
            return new AuditAnswer(null, "final state unreadable: " + read.failure());
        }
        FinalStateAudit.Result result =
                new FinalStateAudit.Result(read.schedule(), audit.audit(read.schedule(), ledger.attempts()));
        return new AuditAnswer(result, failure.apply(result));
    }

    private static boolean finalStateRead(Session session) {
        return answered(session)
                && session.get(SessionKeys.ANSWER) instanceof AuditAnswer read
                && read.result() != null;
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
                body(session),
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
                answer.ok() ? null : body(session),
                Instant.now()));
        if (!answer.ok()) {
            return session;
        }
        List<Long> visible = answer.schedule().on(day).stream()
                .map(ScheduleSnapshot.Clinic::id)
                .toList();
        return session.set(
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
