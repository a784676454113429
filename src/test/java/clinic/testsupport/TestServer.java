package clinic.testsupport;

import clinic.server.ReferenceServer;
import clinic.server.ServerConfig;
import java.util.function.UnaryOperator;

/**
 * A reference server started in-process on a test database of its own, with its API client and SQL
 * helper. Password iterations are low (1000) so that tests stay fast.
 */
public final class TestServer implements AutoCloseable {

    public static final int TEST_PASSWORD_ITERATIONS = 1000;

    private final TestDatabase database;
    private final ReferenceServer server;
    private final ApiClient api;
    private final ClinicDatabase sql;

    private TestServer(TestDatabase database, ReferenceServer server) {
        this.database = database;
        this.server = server;
        this.api = new ApiClient(server.baseUrl());
        this.sql = new ClinicDatabase(server.dataSource());
    }

    /** The configuration every test server starts from: the test database and fast hashing. */
    public static ServerConfig baseConfig(TestDatabase database) {
        return ServerConfig.defaults().withJdbcUrl(database.jdbcUrl()).withPasswordIterations(TEST_PASSWORD_ITERATIONS);
    }

    /** A fresh database of {@code kind} and a server on it, configured by {@code configure}. */
    public static TestServer start(DatabaseKind kind, UnaryOperator<ServerConfig> configure) {
        TestDatabase database = TestDatabase.create(kind);
        try {
            return new TestServer(database, ReferenceServer.start(configure.apply(baseConfig(database))));
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    public ReferenceServer server() {
        return server;
    }

    public ApiClient api() {
        return api;
    }

    public ClinicDatabase sql() {
        return sql;
    }

    /** Stops the server, then drops its database. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
        }
    }
}
