package clinic.server;

import clinic.server.service.PasswordHasher;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the reference server needs to start. {@code port} 0 picks a free port; a null
 * {@code jdbcUrl} means a fresh in-memory H2 database; a null {@code fixture} loads nothing.
 */
public record ServerConfig(
        String host,
        int port,
        String jdbcUrl,
        int rateLimitRequests,
        Duration rateLimitWindow,
        int passwordIterations,
        Set<FaultMode> faults,
        Duration slowDelay,
        FixtureSpec fixture) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_RATE_LIMIT_REQUESTS = 5;
    public static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofSeconds(60);
    /** Django's default for PBKDF2-SHA256 since 5.0. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 600_000;
    /** Beyond this many requests per window a limit limits nothing, and its history only costs memory. */
    public static final int MAX_RATE_LIMIT_REQUESTS = 10_000;
    /** The contract's window is 60 s; a longer one than a day only keeps request history. */
    public static final Duration MAX_RATE_LIMIT_WINDOW = Duration.ofDays(1);
    /** A client's usual request timeout (the load test's is 60 s): a longer delay only makes answers time out. */
    public static final long MAX_SLOW_DELAY_MS = 60_000;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (rateLimitRequests < 0 || rateLimitRequests > MAX_RATE_LIMIT_REQUESTS) {
            throw new IllegalArgumentException("rate limit must be between 0 (off) and " + MAX_RATE_LIMIT_REQUESTS
                    + " requests per window, got " + rateLimitRequests);
        }
        Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
        if (rateLimitWindow.isNegative()
                || rateLimitWindow.isZero()
                || rateLimitWindow.compareTo(MAX_RATE_LIMIT_WINDOW) > 0) {
            throw new IllegalArgumentException("rate limit window must be positive and at most " + MAX_RATE_LIMIT_WINDOW
                    + ", got " + rateLimitWindow);
        }
        if (passwordIterations < 1 || passwordIterations > PasswordHasher.MAX_ITERATIONS) {
            throw new IllegalArgumentException("password iterations must be between 1 and "
                    + PasswordHasher.MAX_ITERATIONS + ", got " + passwordIterations);
        }
        faults = Set.copyOf(Objects.requireNonNull(faults, "faults"));
        Objects.requireNonNull(slowDelay, "slowDelay");
        if (slowDelay.toMillis() < 1 || slowDelay.toMillis() > MAX_SLOW_DELAY_MS) {
            throw new IllegalArgumentException("slow delay must be between 1 and " + MAX_SLOW_DELAY_MS + " ms, got "
                    + slowDelay.toMillis() + " ms");
        }
    }

    /**
     * 127.0.0.1, free port, in-memory H2, 5 reservations per 60 s, secure hashing, no fault (slow's delay
     * {@link FaultMode#SLOW_DELAY}), no fixture.
     */
    public static ServerConfig defaults() {
        return new ServerConfig(
                DEFAULT_HOST,
                0,
                null,
                DEFAULT_RATE_LIMIT_REQUESTS,
                DEFAULT_RATE_LIMIT_WINDOW,
                DEFAULT_PASSWORD_ITERATIONS,
                Set.of(),
                FaultMode.SLOW_DELAY,
                null);
    }

    public ServerConfig withHost(String host) {
        return changed(draft -> draft.host = host);
    }

    public ServerConfig withPort(int port) {
        return changed(draft -> draft.port = port);
    }

    public ServerConfig withJdbcUrl(String jdbcUrl) {
        return changed(draft -> draft.jdbcUrl = jdbcUrl);
    }

    /** {@code requests} 0 disables the limit. */
    public ServerConfig withRateLimit(int requests, Duration window) {
        return changed(draft -> {
            draft.rateLimitRequests = requests;
            draft.rateLimitWindow = window;
        });
    }

    public ServerConfig withPasswordIterations(int iterations) {
        return changed(draft -> draft.passwordIterations = iterations);
    }

    public ServerConfig withFaults(Set<FaultMode> faults) {
        return changed(draft -> draft.faults = faults);
    }

    /** The delay of {@link FaultMode#SLOW}, which only matters when that fault is on. */
    public ServerConfig withSlowDelay(Duration slowDelay) {
        return changed(draft -> draft.slowDelay = slowDelay);
    }

    public ServerConfig withFixture(FixtureSpec fixture) {
        return changed(draft -> draft.fixture = fixture);
    }

    /** This configuration with a change, checked as any other. */
    private ServerConfig changed(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.config();
    }

    /** The components of a configuration while some of them change (a record's cannot). */
    private static final class Draft {
        String host;
        int port;
        String jdbcUrl;
        int rateLimitRequests;
        Duration rateLimitWindow;
        int passwordIterations;
        Set<FaultMode> faults;
        Duration slowDelay;
        FixtureSpec fixture;

        Draft(ServerConfig config) {
            host = config.host;
            port = config.port;
            jdbcUrl = config.jdbcUrl;
            rateLimitRequests = config.rateLimitRequests;
            rateLimitWindow = config.rateLimitWindow;
            passwordIterations = config.passwordIterations;
            faults = config.faults;
            slowDelay = config.slowDelay;
            fixture = config.fixture;
        }

        ServerConfig config() {
            return new ServerConfig(
                    host,
                    port,
                    jdbcUrl,
                    rateLimitRequests,
                    rateLimitWindow,
                    passwordIterations,
                    faults,
                    slowDelay,
                    fixture);
        }
    }
}
