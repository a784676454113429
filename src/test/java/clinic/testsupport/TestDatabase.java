package clinic.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real database of its own for one test class: an in-memory H2 database with a unique name, or a
 * fresh schema {@code run_<random>} in the local PostgreSQL database {@code test}. {@link #close()}
 * drops it again.
 *
 * <p>When PostgreSQL is unreachable, {@link #create(DatabaseKind)} skips the caller (a JUnit assumption
 * with the reason), except under {@code CI=true}, where a missing database is a failure.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_HOST_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** Bounded connection attempts and reads, so an absent or stuck database fails fast instead of hanging. */
    private static final String POSTGRES_OPTIONS = "user=postgres&connectTimeout=2&loginTimeout=5&socketTimeout=60";

    private final DatabaseKind kind;
    private final String name;
    private final String jdbcUrl;

    private TestDatabase(DatabaseKind kind, String name, String jdbcUrl) {
        this.kind = kind;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
    }

    public static TestDatabase create(DatabaseKind kind) {
        String name = "run_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        if (kind == DatabaseKind.H2) {
            // DB_CLOSE_DELAY=-1 keeps the database between two servers or CLI runs on it; close() shuts it down.
            return new TestDatabase(kind, name, "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        }
        requirePostgres();
        try (Connection connection = DriverManager.getConnection(POSTGRES_HOST_URL + "?" + POSTGRES_OPTIONS);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name + " in PostgreSQL: " + e.getMessage(), e);
        }
        return new TestDatabase(kind, name, POSTGRES_HOST_URL + "?" + POSTGRES_OPTIONS + "&currentSchema=" + name);
    }

    /**
     * Skips (or, under {@code CI=true}, fails) when PostgreSQL at 127.0.0.1:5432 cannot be reached.
     * Checked once per JVM.
     */
    public static void requirePostgres() {
        String problem = PostgresProbe.PROBLEM;
        if (problem == null) {
            return;
        }
        String reason = "PostgreSQL at 127.0.0.1:5432 (database test, user postgres) is unreachable: " + problem
                + ". Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires PostgreSQL. " + reason);
        }
        Assumptions.abort(reason);
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** The URL to give the server, e.g. {@code ServerConfig.withJdbcUrl}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A connection source of the test itself, for {@link ClinicDatabase} when no server runs. */
    public DataSource dataSource() {
        if (kind == DatabaseKind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbcUrl);
            return h2;
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(jdbcUrl);
        return postgres;
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }

    /** Drops the schema (PostgreSQL) or shuts the in-memory database down (H2). */
    @Override
    public void close() {
        String url = kind == DatabaseKind.H2 ? jdbcUrl : POSTGRES_HOST_URL + "?" + POSTGRES_OPTIONS;
        String drop = kind == DatabaseKind.H2 ? "SHUTDOWN" : "DROP SCHEMA IF EXISTS " + name + " CASCADE";
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(drop);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + this + ": " + e.getMessage(), e);
        }
    }

    /** Holder idiom: the reachability probe runs once, on first use. */
    private static final class PostgresProbe {
        static final String PROBLEM = probe();

        private static String probe() {
            try (Connection connection = DriverManager.getConnection(POSTGRES_HOST_URL + "?" + POSTGRES_OPTIONS)) {
                return connection.isValid(2) ? null : "connection not valid";
            } catch (SQLException e) {
                return e.getMessage();
            }
        }
    }
}
