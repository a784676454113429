package clinic.server;

import java.time.Duration;
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

    /** 127.0.0.1, free port, in-memory H2, 5 reservations per 60 s, secure hashing, no fault, no fixture. */
    public static ServerConfig defaults() {
        throw new UnsupportedOperationException("written in the reference-server work");
    }

    public ServerConfig withHost(String host) {
        throw new UnsupportedOperationException();
    }

    public ServerConfig withPort(int port) {
        throw new UnsupportedOperationException();
    }

    public ServerConfig withJdbcUrl(String jdbcUrl) {
        throw new UnsupportedOperationException();
    }

    /** {@code requests} 0 disables the limit. */
    public ServerConfig withRateLimit(int requests, Duration window) {
        throw new UnsupportedOperationException();
    }

    public ServerConfig withPasswordIterations(int iterations) {
        throw new UnsupportedOperationException();
    }

    public ServerConfig withFaults(Set<FaultMode> faults) {
        throw new UnsupportedOperationException();
    }

    public ServerConfig withFixture(FixtureSpec fixture) {
        throw new UnsupportedOperationException();
    }
}
