package clinic.server.fault;

import java.util.concurrent.atomic.AtomicLong;

/** Picks the 1st, (n+1)th, (2n+1)th... of the events it is told about, across threads. */
final class EveryNth {

    private final int n;
    private final AtomicLong seen = new AtomicLong();

    EveryNth(int n) {
        this.n = n;
    }

    /** Counts one event; true when it is one of those picked. */
    boolean pick() {
        return seen.getAndIncrement() % n == 0;
    }

    void restart() {
        seen.set(0);
    }
}
