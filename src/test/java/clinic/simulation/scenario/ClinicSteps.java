package clinic.simulation.scenario;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIf;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;

import clinic.contract.ClinicDay;
import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.answers.RegistrationAnswer;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.audit.RunLedger.AttemptKind;
import clinic.simulation.audit.RunLedger.Login;
import clinic.simulation.audit.RunLedger.Registration;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.audit.RunLedger.ScheduleRead;
import clinic.simulation.options.InjectorShard;
import clinic.simulation.scenario.ReservationPlanner.Kind;
import clinic.simulation.scenario.ReservationPlanner.PlannedAttempt;
import clinic.simulation.scenario.ReservationPlanner.StudentPlan;
import clinic.simulation.scenario.SessionKeys.AnswerKeys;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The business steps of a student and of the auditor, each a Gatling {@code group} whose answers go
 * into the ledger.
 */
public final class ClinicSteps {

    private final ClinicRequests requests;
    private final RunLedger ledger;
    private final ReservationPlanner planner;
    private final List<ClinicDay> days;
    private final List<Long> closedClinicIds;
    private final InjectorShard shard;
    private final SessionAnswers answers;
    /** The students of the run who logged in, by username: whom a foreign probe can book for. */
    private final Map<String, Long> loggedIn = new ConcurrentHashMap<>();

    /** @param closedClinicIds clinics known to be closed, which the students try like any other */
    public ClinicSteps(
            ClinicRequests requests,
            RunLedger ledger,
            ReservationPlanner planner,
            List<ClinicDay> days,
            List<Long> closedClinicIds,
            InjectorShard shard) {
        this.requests = requests;
        this.ledger = ledger;
        this.planner = planner;
        this.days = days;
        this.closedClinicIds = List.copyOf(closedClinicIds);
        this.shard = shard;
        this.answers = new SessionAnswers(requests.timeout());
    }

    /**
     * A student arrives: the first one marks the start of the load. The injection brings every student of
     * the run; when several injectors share it, one another's students leave at once.
     */
    public ChainBuilder arrive() {
        return exitHereIf(
                        session -> !shard.drives(ClinicRequests.account(session).index()))
                .exec(session -> {
                    ledger.markLoadStarted(Instant.now());
                    return session;
                });
    }

    /** Registers the student; an existing account is reused. A refusal is KO but the student goes on. */
    public ChainBuilder register() {
        return exec(SessionAnswers::beforeRequest)
                .group("Register")
                .on(requests.register())
                .exec(this::recordRegistration);
    }

    /** Logs in and keeps the token and the student's id; without them the student will not reserve. */
    public ChainBuilder login() {
        return exec(SessionAnswers::beforeRequest)
                .group("Login")
                .on(requests.login("Log in"))
                .exec(this::recordLogin);
    }

    /** Reads the weekly schedule and plans the reservation attempts among the clinics of the run's days. */
    public ChainBuilder readSchedule() {
        return doIf(SessionAnswers::loggedIn)
                .then(exec(SessionAnswers::beforeRequest)
                        .group("Schedule")
                        .on(requests.weeklySchedule("Weekly schedule"))
                        .exec(this::recordScheduleAndPlan));
    }

    /**
     * Every student waits for the opening instant, on every injector alike, and then the reservations
     * open: the real opening at a fixed hour, and the way several load generators open together without
     * talking to each other. A student still logging in at that instant starts when it is ready.
     */
    public ChainBuilder awaitOpening(Instant openAt) {
        return pause(session -> {
            Duration left = Duration.between(Instant.now(), openAt);
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    /**
     * The planned attempts, a pause before each but the first, each sent as its kind says (once, twice at
     * once, or for another student); a persistent student stops once it has a seat. Does nothing for a
     * student without a plan.
     */
    public ChainBuilder reserveClinics() {
        return doIf(ClinicSteps::hasPlan)
                .then(asLongAs(ClinicSteps::hasNextAttempt)
                        .on(
                                exec(ClinicSteps::takeNextAttempt),
                                pause(session -> attempt(session).pauseBefore()),
                                exec(this::beforeReservation),
                                doSwitch(session -> attempt(session).kind())
                                        .on(
                                                onCase(Kind.TRY)
                                                        .then(group("Reserve").on(requests.reserve())),
                                                onCase(Kind.DOUBLE_CLICK)
                                                        .then(group("Reserve").on(requests.doubleClick())),
                                                onCase(Kind.FOREIGN_PROBE)
                                                        .then(doIf(session ->
                                                                        session.contains(SessionKeys.OTHER_STUDENT_ID))
                                                                .then(group("Reserve")
                                                                        .on(requests.reserveForAnotherStudent())))),
                                exec(this::recordAttempt)));
    }

    /** Before a reservation: a foreign probe also needs the other student, one of the run who logged in. */
    private Session beforeReservation(Session session) {
        Session cleared = SessionAnswers.beforeRequest(session)
                .removeAll(SessionKeys.OTHER_STUDENT_ID, SessionKeys.OTHER_STUDENT);
        if (attempt(session).kind() != Kind.FOREIGN_PROBE) {
            return cleared;
        }
        return otherStudent(ClinicRequests.account(session).username())
                .map(other -> cleared.set(SessionKeys.OTHER_STUDENT_ID, other.getValue())
                        .set(SessionKeys.OTHER_STUDENT, other.getKey()))
                .orElse(cleared);
    }

    /** Any other student of the run who logged in, by username, with its id. */
    private Optional<Map.Entry<String, Long>> otherStudent(String username) {
        return loggedIn.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(username))
                .min(Map.Entry.comparingByKey());
    }

    private static boolean hasPlan(Session session) {
        return SessionAnswers.loggedIn(session) && session.contains(SessionKeys.PLAN);
    }

    private static StudentPlan plan(Session session) {
        return session.get(SessionKeys.PLAN);
    }

    private static PlannedAttempt attempt(Session session) {
        return session.get(SessionKeys.ATTEMPT);
    }

    private static boolean hasNextAttempt(Session session) {
        return !session.contains(SessionKeys.PLAN_DONE)
                && session.getInt(SessionKeys.NEXT_ATTEMPT)
                        < plan(session).attempts().size();
    }

    private static Session takeNextAttempt(Session session) {
        int next = session.getInt(SessionKeys.NEXT_ATTEMPT);
        return session.set(SessionKeys.ATTEMPT, plan(session).attempts().get(next))
                .set(SessionKeys.NEXT_ATTEMPT, next + 1);
    }

    private Session recordRegistration(Session session) {
        RegistrationAnswer answer = answers.answer(session, SessionKeys.ANSWER, RegistrationAnswer::none);
        ledger.add(new Registration(
                ClinicRequests.account(session).username(),
                answer,
                SessionAnswers.status(session, SessionKeys.ANSWER),
                SessionAnswers.latency(session, SessionKeys.ANSWER),
                SessionAnswers.body(session, SessionKeys.ANSWER),
                Instant.now()));
        return session;
    }

    private Session recordLogin(Session session) {
        LoginAnswer answer = answers.answer(session, SessionKeys.ANSWER, LoginAnswer::none);
        ledger.add(new Login(
                ClinicRequests.account(session).username(),
                answer.studentId(),
                answer.failure(),
                SessionAnswers.status(session, SessionKeys.ANSWER),
                SessionAnswers.latency(session, SessionKeys.ANSWER),
                answer.ok() ? null : SessionAnswers.body(session, SessionKeys.ANSWER),
                Instant.now()));
        if (!answer.ok()) {
            return session;
        }
        loggedIn.put(ClinicRequests.account(session).username(), answer.studentId());
        return session.set(SessionKeys.TOKEN, answer.token()).set(SessionKeys.STUDENT_ID, answer.studentId());
    }

    private Session recordScheduleAndPlan(Session session) {
        ScheduleSnapshot.Answer answer = answers.answer(session, SessionKeys.ANSWER, ScheduleSnapshot.Answer::none);
        ledger.add(new ScheduleRead(
                ClinicRequests.account(session).username(),
                answer.failure(),
                SessionAnswers.status(session, SessionKeys.ANSWER),
                SessionAnswers.latency(session, SessionKeys.ANSWER),
                null,
                Instant.now()));
        // the whole week's schedule must not wait in every student's session through the rendezvous
        Session withoutSchedule = session.remove(SessionKeys.ANSWER.answer());
        if (!answer.ok()) {
            return withoutSchedule;
        }
        List<Long> visible = answer.schedule().on(days).stream()
                .map(ScheduleSnapshot.Clinic::id)
                .toList();
        return withoutSchedule
                .set(
                        SessionKeys.PLAN,
                        planner.plan(ClinicRequests.account(session).index(), visible, closedClinicIds))
                .set(SessionKeys.NEXT_ATTEMPT, 0);
    }

    /** Every answer of the attempt goes into the ledger: one, two for a double click, none for a skipped probe. */
    private Session recordAttempt(Session session) {
        PlannedAttempt attempt = attempt(session);
        String username = ClinicRequests.account(session).username();
        long studentId = session.getLong(SessionKeys.STUDENT_ID);
        ReservationAnswer answer;
        switch (attempt.kind()) {
            case FOREIGN_PROBE -> {
                if (!session.contains(SessionKeys.OTHER_STUDENT_ID)) {
                    return session;
                }
                answer = record(
                        session,
                        SessionKeys.ANSWER,
                        attempt,
                        session.getString(SessionKeys.OTHER_STUDENT),
                        session.getLong(SessionKeys.OTHER_STUDENT_ID),
                        AttemptKind.FOR_ANOTHER_STUDENT,
                        username);
            }
            case DOUBLE_CLICK -> {
                answer = record(session, SessionKeys.ANSWER, attempt, username, studentId, AttemptKind.OWN, username);
                ReservationAnswer second = record(
                        session,
                        SessionKeys.SECOND_CLICK,
                        attempt,
                        username,
                        studentId,
                        AttemptKind.SECOND_CLICK,
                        username);
                if (second.reserved()) {
                    answer = second;
                }
            }
            default ->
                answer = record(session, SessionKeys.ANSWER, attempt, username, studentId, AttemptKind.OWN, username);
        }
        return plan(session).stopsAfter(answer.reason()) ? session.set(SessionKeys.PLAN_DONE, true) : session;
    }

    private ReservationAnswer record(
            Session session,
            AnswerKeys keys,
            PlannedAttempt attempt,
            String forUsername,
            long forStudentId,
            AttemptKind kind,
            String caller) {
        ReservationAnswer answer = answers.answer(session, keys, ReservationAnswer::none);
        ledger.add(new ReservationAttempt(
                forUsername,
                forStudentId,
                attempt.clinicId(),
                answer,
                SessionAnswers.status(session, keys),
                SessionAnswers.latency(session, keys),
                SessionAnswers.body(session, keys),
                Instant.now(),
                kind,
                caller));
        return answer;
    }
}
