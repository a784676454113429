package clinic.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sliding window itself, on a clock the test moves (the HTTP side is in ReserveContractTest). */
class RateLimiterTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(5, WINDOW, now::get);

    @Test
    void fiveRequestsPassThenTheSixthIsRefusedWithNothingRemaining() {
        for (int remaining = 4; remaining >= 0; remaining--) {
            assertThat(limiter.check(7)).isEqualTo(new RateLimiter.Decision(true, remaining));
        }
        assertThat(limiter.check(7)).isEqualTo(new RateLimiter.Decision(false, 0));
    }

    @Test
    void theWindowSlidesRequestByRequest() {
        for (int i = 0; i < 5; i++) {
            limiter.check(7);
            now.addAndGet(Duration.ofSeconds(10).toNanos());
        }
        // 50 s after the first request: all five still count
        assertThat(limiter.check(7).allowed()).isFalse();
        // 60 s after the first: it has left the window, so exactly one more fits
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(limiter.check(7)).isEqualTo(new RateLimiter.Decision(true, 0));
        assertThat(limiter.check(7).allowed()).isFalse();
    }

    @Test
    void usersHaveWindowsOfTheirOwn() {
        for (int i = 0; i < 5; i++) {
            limiter.check(7);
        }
        assertThat(limiter.check(7).allowed()).isFalse();
        assertThat(limiter.check(8)).isEqualTo(new RateLimiter.Decision(true, 4));
    }

    @Test
    void resetForgetsEveryHistory() {
        for (int i = 0; i < 5; i++) {
            limiter.check(7);
        }
        limiter.reset();
        assertThat(limiter.check(7)).isEqualTo(new RateLimiter.Decision(true, 4));
    }

    @Test
    void zeroTurnsTheLimitOff() {
        RateLimiter off = new RateLimiter(0, WINDOW, now::get);
        for (int i = 0; i < 100; i++) {
            assertThat(off.check(7).allowed()).isTrue();
        }
    }
}
