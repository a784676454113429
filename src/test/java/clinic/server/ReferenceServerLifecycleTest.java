package clinic.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.contract.Endpoint;
import clinic.testsupport.DatabaseKind;
import clinic.testsupport.TestDatabase;
import clinic.testsupport.TestServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The in-process API that the simulation and the tests rely on: a free loopback port, a base URL that
 * answers, and a stop that leaves nothing behind (port, threads, database connections).
 */
class ReferenceServerLifecycleTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startsOnAFreeLoopbackPortAndStopsWithoutLeavingThreadsOrThePort() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ReferenceServer server = ReferenceServer.start(ServerConfig.defaults()
                .withPasswordIterations(TestServer.TEST_PASSWORD_ITERATIONS)
                .withFixture(FixtureSpec.standard()));
        int port = server.port();
        assertThat(port).isPositive();
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + port + Endpoint.API_PREFIX);
        assertThat(healthStatus(server.baseUrl())).isEqualTo(200);
        assertThat(server.fixtureReport().clinics()).hasSize(8);
        assertThat(namesOfAlive(threadsStartedSince(before)))
                .as("the running server has its own threads")
                .isNotEmpty();

        server.close();
        server.close();

        assertThat(threadsAliveAfterClose(before))
                .as("threads left after close()")
                .isEmpty();
        assertThatThrownBy(() -> healthStatus(server.baseUrl())).isInstanceOf(ConnectException.class);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void closeReturnsEveryPostgresConnection() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRES)) {
            String applicationName = "lifecycle-" + UUID.randomUUID();
            ReferenceServer server = ReferenceServer.start(ServerConfig.defaults()
                    .withPasswordIterations(TestServer.TEST_PASSWORD_ITERATIONS)
                    .withJdbcUrl(database.jdbcUrl() + "&ApplicationName=" + applicationName)
                    .withFixture(FixtureSpec.standard()));
            assertThat(healthStatus(server.baseUrl())).isEqualTo(200);
            assertThat(postgresConnectionsNamed(applicationName))
                    .as("pooled connections while running")
                    .isPositive();

            server.close();

            assertThat(connectionsLeftAfterClose(applicationName))
                    .as("connections left after close()")
                    .isZero();
        }
    }

    private int healthStatus(String baseUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + Endpoint.HEALTH.path()))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Threads that did not exist in {@code before}, apart from the JDK's HTTP client of this test. */
    private static Set<Thread> threadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && !thread.getName().startsWith("HttpClient-"))
                .collect(Collectors.toSet());
    }

    private static Set<String> namesOfAlive(Set<Thread> threads) {
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet());
    }

    /**
     * The server's threads still alive after each was given a bounded moment to end. close() has shut
     * their executors down, but a pool worker counts as gone a few instructions before its thread
     * ends (the pool's housekeeper is only interrupted): join them rather than look once.
     */
    private static Set<String> threadsAliveAfterClose(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<Thread> started = threadsStartedSince(before);
        for (Thread thread : started) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return namesOfAlive(started);
    }

    /**
     * The pool has closed its sockets when close() returns, but each PostgreSQL backend leaves
     * pg_stat_activity when its process exits, a moment later: poll the condition, bounded.
     */
    private static int connectionsLeftAfterClose(String applicationName) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int left = postgresConnectionsNamed(applicationName);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = postgresConnectionsNamed(applicationName);
        }
        return left;
    }

    /** Sessions of the whole cluster with that application name (set on the server's JDBC URL). */
    private static int postgresConnectionsNamed(String applicationName) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        TestDatabase.POSTGRES_HOST_URL + "?user=postgres&connectTimeout=2");
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            count.setString(1, applicationName);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
