package clinic.server;

import clinic.server.service.PasswordHasher;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

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
    }

    /** 127.0.0.1, free port, in-memory H2, 5 reservations per 60 s, secure hashing, no fault, no fixture. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                DEFAULT_HOST,
                0,
                null,
                DEFAULT_RATE_LIMIT_REQUESTS,
                DEFAULT_RATE_LIMIT_WINDOW,
                DEFAULT_PASSWORD_ITERATIONS,
                Set.of(),
                null);
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(
                host, port, jdbcUrl, rateLimitRequests, rateLimitWindow, passwordIterations, faults, fixture);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(
                host, port, jdbcUrl, rateLimitRequests, rateLimitWindow, passwordIterations, faults, fixture);
    }

    public ServerConfig withJdbcUrl(String jdbcUrl) {
        return new ServerConfig(
                host, port, jdbcUrl, rateLimitRequests, rateLimitWindow, passwordIterations, faults, fixture);
    }

    /** {@code requests} 0 disables the limit. */
    public ServerConfig withRateLimit(int requests, Duration window) {
        return new ServerConfig(host, port, jdbcUrl, requests, window, passwordIterations, faults, fixture);
    }

    public ServerConfig withPasswordIterations(int iterations) {
        return new ServerConfig(host, port, jdbcUrl, rateLimitRequests, rateLimitWindow, iterations, faults, fixture);
    }

    public ServerConfig withFaults(Set<FaultMode> faults) {
        return new ServerConfig(
                host, port, jdbcUrl, rateLimitRequests, rateLimitWindow, passwordIterations, faults, fixture);
    }

    public ServerConfig withFixture(FixtureSpec fixture) {
        return new ServerConfig(
                host, port, jdbcUrl, rateLimitRequests, rateLimitWindow, passwordIterations, faults, fixture);
    }
}
