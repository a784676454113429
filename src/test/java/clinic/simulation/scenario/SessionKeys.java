package clinic.simulation.scenario;

/** The names of everything a virtual user keeps in its Gatling session. */
final class SessionKeys {

    /** Where a request keeps its answer: HTTP status, body, response time, the answer as read; all absent when no answer came. */
    record AnswerKeys(String status, String body, String latencyMs, String answer) {

        AnswerKeys(String prefix) {
            this(prefix + "Status", prefix + "Body", prefix + "LatencyMs", prefix + "Answer");
        }
    }

    /** The {@link StudentAccount} fed to this user. */
    static final String ACCOUNT = "account";
    /** The last answer. */
    static final AnswerKeys ANSWER = new AnswerKeys("answer");
    /** The second click of a double click, sent with the first one. */
    static final AnswerKeys SECOND_CLICK = new AnswerKeys("secondClick");
    /** When the last request was sent, to time attempts that got no answer. */
    static final String SENT_AT_MS = "sentAtMs";

    static final String TOKEN = "token";
    static final String STUDENT_ID = "studentId";
    /** The student's {@code StudentPlan}. */
    static final String PLAN = "reservationPlan";
    /** The position of the next attempt of the plan, and the attempt under way. */
    static final String NEXT_ATTEMPT = "nextAttempt";

    static final String ATTEMPT = "attempt";
    /** Set when the plan ends before its last attempt (a persistent student who got a seat). */
    static final String PLAN_DONE = "planDone";
    /** Whom a foreign probe books for: another student's id and username. */
    static final String OTHER_STUDENT_ID = "otherStudentId";

    static final String OTHER_STUDENT = "otherStudent";

    private SessionKeys() {}
}
