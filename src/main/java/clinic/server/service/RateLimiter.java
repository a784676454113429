package clinic.server.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sliding-window limit of reservation requests per user: at most {@code limit} requests in any
 * {@code window}. A limit of 0 turns it off. Every request counts, answered or refused.
 */
public final class RateLimiter {

    /** The decision for one request; {@code remaining} is what is left in the window after it. */
    public record Decision(boolean allowed, int remaining) {}

    private final int limit;
    private final Duration window;
    private final LongSupplier nanoClock;
    private final Map<Long, Deque<Long>> requestTimesByUser = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    RateLimiter(int limit, Duration window, LongSupplier nanoClock) {
        this.limit = limit;
        this.window = window;
        this.nanoClock = nanoClock;
    }

    public Decision check(long userId) {
        if (limit == 0) {
            return new Decision(true, Integer.MAX_VALUE);
        }
        long now = nanoClock.getAsLong();
        long windowStart = now - window.toNanos();
        Deque<Long> times = requestTimesByUser.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() - windowStart <= 0) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return new Decision(false, 0);
            }
            times.addLast(now);
            return new Decision(true, limit - times.size());
        }
    }

    public long windowSeconds() {
        return window.toSeconds();
    }

    /** Forgets every user's history, e.g. when the fixture is reloaded between two load runs. */
    public void reset() {
        requestTimesByUser.clear();
    }
}
