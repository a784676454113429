package clinic.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import clinic.simulation.ReservationPlanner.PlannedAttempt;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every HTTP request of the simulation. Each one saves its answer (status, body, response time) for the
 * ledger and judges it with a check whose failure message is the reason, so Gatling's Errors table
 * reads as the breakdown of what went wrong.
 */
final class ClinicRequests {

    /** Says what is wrong with an answer, or null when it is fine. */
    @FunctionalInterface
    interface AnswerJudge {
        String failureOf(int status, String body);
    }

    private static final String ACCEPTABLE = "acceptable";

    private ClinicRequests() {}

    static HttpRequestActionBuilder register() {
        return http("Register student")
                .post(PreparedTarget.REGISTER)
                .body(StringBody(session -> Json.write(account(session).registrationPayload())))
                .asJson()
                .check(answerChecks(
                        "registration answer",
                        (status, body) ->
                                RegistrationOutcome.classify(status, body).failure()));
    }

    static HttpRequestActionBuilder login(String name) {
        return http(name)
                .post(PreparedTarget.LOGIN)
                .body(StringBody(session -> Json.write(account(session).loginPayload())))
                .asJson()
                .check(answerChecks(
                        "login answer",
                        (status, body) -> LoginOutcome.classify(status, body).failure()));
    }

    static HttpRequestActionBuilder weeklySchedule(String name, String judgement, AnswerJudge judge) {
        return http(name)
                .get(PreparedTarget.WEEKLY_SCHEDULE)
                .header("Authorization", "Token #{" + SessionKeys.TOKEN + "}")
                .check(answerChecks(judgement, judge));
    }

    static HttpRequestActionBuilder reserve() {
        return http("Reserve clinic")
                .post(PreparedTarget.RESERVE)
                .header("Authorization", "Token #{" + SessionKeys.TOKEN + "}")
                .body(StringBody(ClinicRequests::reservationBody))
                .asJson()
                .check(answerChecks("rejection reason", (status, body) -> {
                    ReservationAnswer answer = ReservationClassifier.classify(status, body);
                    return answer.reserved() ? null : answer.koMessage();
                }));
    }

    /** Judges a schedule answer: 200 and readable. */
    static String scheduleFailure(int status, String body) {
        if (status != 200) {
            return "weekly schedule refused: HTTP " + status;
        }
        try {
            ScheduleParser.parse(body);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static StudentAccount account(Session session) {
        return session.get(SessionKeys.ACCOUNT);
    }

    private static String reservationBody(Session session) {
        PlannedAttempt attempt = session.get(SessionKeys.ATTEMPT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", session.getLong(SessionKeys.STUDENT_ID));
        body.put("clinic_id", attempt.clinicId());
        return Json.write(body);
    }

    /**
     * Saves the answer, then judges it. The judge runs last: Gatling applies a request's checks in order
     * (status scope first), each seeing the session as the earlier ones left it. A failed judgement reads
     * {@code <judgement>, found <what is wrong>} in the Errors table, e.g. {@code rejection reason, found
     * OCCUPIED}.
     */
    private static CheckBuilder[] answerChecks(String judgement, AnswerJudge judge) {
        return new CheckBuilder[] {
            status().saveAs(SessionKeys.STATUS),
            responseTimeInMillis().saveAs(SessionKeys.LATENCY_MS),
            bodyString().saveAs(SessionKeys.BODY),
            bodyString()
                    .transformWithSession((body, session) -> {
                        String failure = judge.failureOf(session.getInt(SessionKeys.STATUS), body);
                        return failure == null ? ACCEPTABLE : failure;
                    })
                    .is(ACCEPTABLE)
                    .name(judgement)
                    .logActualValueInError(true)
        };
    }
}
