package clinic.simulation;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;

import clinic.contract.ClinicDay;
import clinic.simulation.ReservationPlanner.PlannedAttempt;
import clinic.simulation.RunLedger.Login;
import clinic.simulation.RunLedger.Registration;
import clinic.simulation.RunLedger.ReservationAttempt;
import clinic.simulation.RunLedger.ScheduleRead;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business steps of a student and of the auditor, each a Gatling {@code group} whose answers go
 * into the ledger.
 */
final class ClinicSteps {

    private final RunLedger ledger;
    private final ReservationPlanner planner;
    private final ClinicDay day;
    private final FinalStateAudit audit;
    private final AtomicReference<AuditResult> auditResult;

    ClinicSteps(
            RunLedger ledger,
            ReservationPlanner planner,
            ClinicDay day,
            FinalStateAudit audit,
            AtomicReference<AuditResult> auditResult) {
        this.ledger = ledger;
        this.planner = planner;
        this.day = day;
        this.audit = audit;
        this.auditResult = auditResult;
    }

    /** Registers the student; an existing account is reused. A refusal is KO but the student goes on. */
    ChainBuilder register() {
        return exec(session -> {
                    ledger.markLoadStarted(Instant.now());
                    return beforeRequest(session);
                })
                .group("Register")
                .on(ClinicRequests.register())
                .exec(this::recordRegistration);
    }

    /** Logs in and keeps the token and the student's id; without them the student will not reserve. */
    ChainBuilder login() {
        return exec(ClinicSteps::beforeRequest)
                .group("Login")
                .on(ClinicRequests.login("Log in"))
                .exec(this::recordLogin);
    }

    /** Reads the weekly schedule and plans the reservation attempts among the target day's clinics. */
    ChainBuilder readSchedule() {
        return doIf(ClinicSteps::loggedIn)
                .then(exec(ClinicSteps::beforeRequest)
                        .group("Schedule")
                        .on(ClinicRequests.weeklySchedule(
                                "Weekly schedule", "weekly schedule", ClinicRequests::scheduleFailure))
                        .exec(this::recordScheduleAndPlan));
    }

    /** The planned attempts, a pause before each but the first; does nothing for a student without a plan. */
    ChainBuilder reserveClinics() {
        return doIf(ClinicSteps::hasPlan)
                .then(foreach(session -> session.getList(SessionKeys.PLAN), SessionKeys.ATTEMPT)
                        .on(
                                pause(session -> session.<PlannedAttempt>get(SessionKeys.ATTEMPT)
                                        .pauseBefore()),
                                exec(ClinicSteps::beforeRequest),
                                group("Reserve").on(ClinicRequests.reserve()),
                                exec(this::recordAttempt)));
    }

    /** After the load: one user logs in, reads the final schedule and audits it against the ledger. */
    ChainBuilder audit() {
        return exec(session -> {
                    ledger.markLoadEnded(Instant.now());
                    return beforeRequest(session);
                })
                .group("Audit")
                .on(
                        ClinicRequests.login("Audit login"),
                        exec(ClinicSteps::keepAuditToken),
                        doIf(ClinicSteps::loggedIn)
                                .then(ClinicRequests.weeklySchedule(
                                        "Audit final state", "final state audit", this::auditFailure)));
    }

    private String auditFailure(int status, String body) {
        String unreadable = ClinicRequests.scheduleFailure(status, body);
        if (unreadable != null) {
            return "final state unreadable: " + unreadable;
        }
        WeeklySchedule finalSchedule = ScheduleParser.parse(body);
        AuditVerdict verdict = audit.audit(finalSchedule, ledger.attempts());
        auditResult.set(new AuditResult(finalSchedule, verdict));
        return verdict.passed() ? null : verdict.failureMessage();
    }

    private static Session beforeRequest(Session session) {
        return session.removeAll(SessionKeys.STATUS, SessionKeys.BODY, SessionKeys.LATENCY_MS)
                .set(SessionKeys.SENT_AT_MS, System.currentTimeMillis());
    }

    private static boolean answered(Session session) {
        return session.contains(SessionKeys.STATUS);
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
        RegistrationOutcome outcome = answered(session)
                ? RegistrationOutcome.classify(status(session), body(session))
                : new RegistrationOutcome(RegistrationOutcome.Kind.REFUSED, "no HTTP answer");
        ledger.add(new Registration(
                ClinicRequests.account(session).username(),
                outcome,
                status(session),
                latency(session),
                body(session),
                Instant.now()));
        return session;
    }

    private Session recordLogin(Session session) {
        LoginOutcome outcome = answered(session)
                ? LoginOutcome.classify(status(session), body(session))
                : new LoginOutcome(null, null, "no HTTP answer (connection failed or timed out)");
        ledger.add(new Login(
                ClinicRequests.account(session).username(),
                outcome.studentId(),
                outcome.failure(),
                status(session),
                latency(session),
                body(session),
                Instant.now()));
        return outcome.ok()
                ? session.set(SessionKeys.TOKEN, outcome.token()).set(SessionKeys.STUDENT_ID, outcome.studentId())
                : session;
    }

    private static Session keepAuditToken(Session session) {
        if (!answered(session)) {
            return session;
        }
        LoginOutcome outcome = LoginOutcome.classify(status(session), body(session));
        return outcome.ok() ? session.set(SessionKeys.TOKEN, outcome.token()) : session;
    }

    private Session recordScheduleAndPlan(Session session) {
        String failure = answered(session)
                ? ClinicRequests.scheduleFailure(status(session), body(session))
                : "no HTTP answer (connection failed or timed out)";
        ledger.add(new ScheduleRead(
                ClinicRequests.account(session).username(),
                failure,
                status(session),
                latency(session),
                body(session),
                Instant.now()));
        if (failure != null) {
            return session;
        }
        List<Long> visible = ScheduleParser.parse(body(session)).on(day).stream()
                .map(ScheduledClinic::id)
                .toList();
        return session.set(
                SessionKeys.PLAN, planner.plan(ClinicRequests.account(session).index(), visible));
    }

    private Session recordAttempt(Session session) {
        PlannedAttempt attempt = session.get(SessionKeys.ATTEMPT);
        ReservationAnswer answer = answered(session)
                ? ReservationClassifier.classify(status(session), body(session))
                : ReservationClassifier.noAnswer();
        ledger.add(new ReservationAttempt(
                ClinicRequests.account(session).username(),
                session.getLong(SessionKeys.STUDENT_ID),
                attempt.clinicId(),
                answer.reason(),
                status(session),
                latency(session),
                body(session),
                Instant.now()));
        return session;
    }
}
