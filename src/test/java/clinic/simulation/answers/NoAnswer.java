package clinic.simulation.answers;

import java.time.Duration;

/** Why a request got no HTTP answer: it ran into the request timeout, or the connection failed before. */
public enum NoAnswer {
    TIMED_OUT("요청 시간 초과"),
    CONNECTION_FAILED("연결 실패 (응답 없음)");

    /** Timers fire on ticks: a wait this close to the timeout ran into it. */
    private static final long TIMER_SLACK_MILLIS = 100;

    private final String label;

    NoAnswer(String label) {
        this.label = label;
    }

    /** What the console and the report say: {@code 요청 시간 초과}. */
    public String label() {
        return label;
    }

    /** The request waited {@code waitedMillis} for nothing: a timeout when it waited the whole timeout. */
    public static NoAnswer after(long waitedMillis, Duration timeout) {
        return waitedMillis >= timeout.toMillis() - TIMER_SLACK_MILLIS ? TIMED_OUT : CONNECTION_FAILED;
    }
}
