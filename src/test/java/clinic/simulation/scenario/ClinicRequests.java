package clinic.simulation.scenario;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.httpConcurrentRequests;
import static io.gatling.javaapi.http.HttpDsl.status;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.simulation.answers.JudgedAnswer;
import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.answers.RegistrationAnswer;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.scenario.ReservationPlanner.PlannedAttempt;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every endpoint of the contract the harness calls and every HTTP request of the simulation. Each request
 * reads its answer once ({@link JudgedAnswer}), keeps it in the session for the ledger, and is judged by
 * it: the failure message is the reason, so Gatling's Errors table reads as the breakdown of what went
 * wrong.
 */
public final class ClinicRequests {

    /** How the Errors table names a reservation's answer: {@code 예약 응답, 정상 거절 OCCUPIED: ...}. */
    static final String RESERVATION_JUDGEMENT = "예약 응답";

    private final Duration timeout;

    /** @param timeout bounds every request of the run (the {@code requestTimeoutSeconds} option) */
    public ClinicRequests(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    HttpRequestActionBuilder register() {
        return http("Register student")
                .post(Endpoint.REGISTER.path())
                .requestTimeout(timeout)
                .body(StringBody(
                        session -> SimulationJson.write(account(session).registrationPayload())))
                .asJson()
                .check(answerChecks("registration answer", RegistrationAnswer::classify, SessionKeys.ANSWER, true));
    }

    HttpRequestActionBuilder login(String name) {
        return http(name)
                .post(Endpoint.LOGIN.path())
                .requestTimeout(timeout)
                .body(StringBody(
                        session -> SimulationJson.write(account(session).loginPayload())))
                .asJson()
                .check(answerChecks("login answer", LoginAnswer::classify, SessionKeys.ANSWER, true));
    }

    HttpRequestActionBuilder weeklySchedule(
            String name, String judgement, BiFunction<Integer, String, ? extends JudgedAnswer> reader) {
        return http(name)
                .get(Endpoint.WEEKLY_SCHEDULE.path())
                .requestTimeout(timeout)
                .header("Authorization", Endpoint.TOKEN_SCHEME + "#{" + SessionKeys.TOKEN + "}")
                .check(answerChecks(judgement, reader, SessionKeys.ANSWER, false));
    }

    HttpRequestActionBuilder weeklySchedule(String name) {
        return weeklySchedule(name, "weekly schedule", ScheduleSnapshot.Answer::classify);
    }

    /** The student reserves the planned clinic for itself. */
    HttpRequestActionBuilder reserve() {
        return reserve("Reserve clinic", SessionKeys.STUDENT_ID, SessionKeys.ANSWER);
    }

    /** A double click: the same reservation twice at once, each answer kept apart. */
    ActionBuilder doubleClick() {
        return httpConcurrentRequests(
                reserve("Reserve clinic", SessionKeys.STUDENT_ID, SessionKeys.ANSWER),
                reserve("Reserve clinic", SessionKeys.STUDENT_ID, SessionKeys.SECOND_CLICK));
    }

    /** The student asks for a seat for another student, which only staff may do on a safe backend. */
    HttpRequestActionBuilder reserveForAnotherStudent() {
        return reserve("Reserve for another student", SessionKeys.OTHER_STUDENT_ID, SessionKeys.ANSWER);
    }

    private HttpRequestActionBuilder reserve(String name, String userIdKey, SessionKeys.AnswerKeys keys) {
        return http(name)
                .post(Endpoint.RESERVE.path())
                .requestTimeout(timeout)
                .header("Authorization", Endpoint.TOKEN_SCHEME + "#{" + SessionKeys.TOKEN + "}")
                .body(StringBody(session -> reservationBody(session, userIdKey)))
                .asJson()
                .check(answerChecks(RESERVATION_JUDGEMENT, ReservationAnswer::classify, keys, true));
    }

    static StudentAccount account(Session session) {
        return session.get(SessionKeys.ACCOUNT);
    }

    private static String reservationBody(Session session, String userIdKey) {
        PlannedAttempt attempt = session.get(SessionKeys.ATTEMPT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Field.USER_ID, session.getLong(userIdKey));
        body.put(Field.CLINIC_ID, attempt.clinicId());
        return SimulationJson.write(body);
    }

    /**
     * Keeps the answer under {@code keys} (status, response time, and the body when {@code keepBody}: not a
     * schedule, which grows with the week), reads it once, then judges what was read. Gatling applies a
     * request's checks in order (status scope first), each seeing the session as the earlier ones left it.
     */
    private static CheckBuilder[] answerChecks(
            String judgement,
            BiFunction<Integer, String, ? extends JudgedAnswer> reader,
            SessionKeys.AnswerKeys keys,
            boolean keepBody) {
        List<CheckBuilder> checks = new ArrayList<>(
                List.of(status().saveAs(keys.status()), responseTimeInMillis().saveAs(keys.latencyMs())));
        if (keepBody) {
            checks.add(bodyString().saveAs(keys.body()));
        }
        checks.add(bodyString()
                .transformWithSession((body, session) -> (Object) reader.apply(session.getInt(keys.status()), body))
                .saveAs(keys.answer()));
        // the failure message is the reason, so the Errors table reads 예약 응답, 정상 거절 OCCUPIED: ...
        checks.add(GatlingInternals.judged(
                judgement, session -> session.<JudgedAnswer>get(keys.answer()).failure()));
        return checks.toArray(CheckBuilder[]::new);
    }
}
