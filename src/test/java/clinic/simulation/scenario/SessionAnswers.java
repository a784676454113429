package clinic.simulation.scenario;

import clinic.simulation.answers.JudgedAnswer;
import clinic.simulation.answers.NoAnswer;
import clinic.simulation.scenario.SessionKeys.AnswerKeys;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a request left in the virtual user's session (its answer as read, status, body and response time),
 * or, when no answer came, what that means: the ledger is written from here.
 */
final class SessionAnswers {

    private final Duration timeout;

    /** @param timeout every request's bound: an attempt that took that long got no answer because of it */
    SessionAnswers(Duration timeout) {
        this.timeout = timeout;
    }

    /** Forgets the last answers and notes when the next request leaves, to time one that gets no answer. */
    static Session beforeRequest(Session session) {
        return forget(forget(session, SessionKeys.ANSWER), SessionKeys.SECOND_CLICK)
                .set(SessionKeys.SENT_AT_MS, System.currentTimeMillis());
    }

    private static Session forget(Session session, AnswerKeys keys) {
        return session.removeAll(keys.status(), keys.body(), keys.latencyMs(), keys.answer());
    }

    static boolean answered(Session session, AnswerKeys keys) {
        return session.contains(keys.answer());
    }

    /** The answer its request read, or what no answer means for this kind of request. */
    <T extends JudgedAnswer> T answer(Session session, AnswerKeys keys, Function<NoAnswer, T> none) {
        return answered(session, keys)
                ? session.get(keys.answer())
                : none.apply(NoAnswer.after(latency(session, keys), timeout));
    }

    static long latency(Session session, AnswerKeys keys) {
        return answered(session, keys)
                ? session.getLong(keys.latencyMs())
                : System.currentTimeMillis() - session.getLong(SessionKeys.SENT_AT_MS);
    }

    /** The HTTP status; null when no answer came. */
    static Integer status(Session session, AnswerKeys keys) {
        return answered(session, keys) ? session.getInt(keys.status()) : null;
    }

    /** The body, when the request kept it; null otherwise. */
    static String body(Session session, AnswerKeys keys) {
        return answered(session, keys) ? session.getString(keys.body()) : null;
    }

    static boolean loggedIn(Session session) {
        return session.contains(SessionKeys.TOKEN);
    }
}
