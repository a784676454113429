package clinic.simulation.scenario;

/** The names of everything a virtual user keeps in its Gatling session. */
final class SessionKeys {
    /** The {@link StudentAccount} fed to this user. */
    static final String ACCOUNT = "account";
    /** The last answer: HTTP status, body, response time; all absent when no answer came. */
    static final String STATUS = "answerStatus";

    static final String BODY = "answerBody";
    static final String LATENCY_MS = "answerLatencyMs";
    /** The last answer as read by its request ({@code JudgedAnswer}); absent when no answer came. */
    static final String ANSWER = "answer";
    /** When the last request was sent, to time attempts that got no answer. */
    static final String SENT_AT_MS = "sentAtMs";

    static final String TOKEN = "token";
    static final String STUDENT_ID = "studentId";
    /** The student's planned reservation attempts ({@code List<PlannedAttempt>}). */
    static final String PLAN = "reservationPlan";

    static final String ATTEMPT = "attempt";

    private SessionKeys() {}
}
