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
    // Implementation (defaults(), withers, validation) is written in the reference-server work.
}
