package clinic.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final AtomicBoolean SKIP_WARNED = new AtomicBoolean();

    /** As the server opens H2, so that the tests' own connections see the same (lower-case) table names. */
    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    private final DatabaseKind kind;
    private final String name;
    private final String jdbcUrl;
    /** The H2 file's path without extension, or null. */
    private final Path h2File;

    private TestDatabase(DatabaseKind kind, String name, String jdbcUrl, Path h2File) {
        this.kind = kind;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.h2File = h2File;
    }

    /** A fresh database: in-memory H2 with a unique name, or a new PostgreSQL schema. */
    public static TestDatabase create(DatabaseKind kind) {
        String name = uniqueName();
        if (kind == DatabaseKind.H2) {
            return new TestDatabase(kind, name, "jdbc:h2:mem:" + name + H2_SETTINGS + ";DB_CLOSE_DELAY=-1", null);
        }
        return createPostgres(name);
    }

    /**
     * A fresh database that outlives the server or command-line run that used it, for tests that run
     * several of them on one database: the server shuts an in-memory H2 database down when it closes, so
     * H2 is a file database here (in the temporary directory, deleted by {@link #close()}).
     */
    public static TestDatabase createShared(DatabaseKind kind) {
        String name = uniqueName();
        if (kind == DatabaseKind.H2) {
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "clinic-" + name);
            return new TestDatabase(kind, name, "jdbc:h2:file:" + file + H2_SETTINGS, file);
        }
        return createPostgres(name);
    }

    private static String uniqueName() {
        return "run_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    private static TestDatabase createPostgres(String name) {
        requirePostgres();
        try (Connection connection = DriverManager.getConnection(POSTGRES_HOST_URL + "?" + POSTGRES_OPTIONS);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name + " in PostgreSQL: " + e.getMessage(), e);
        }
        return new TestDatabase(
                DatabaseKind.POSTGRES,
                name,
                POSTGRES_HOST_URL + "?" + POSTGRES_OPTIONS + "&currentSchema=" + name,
                null);
    }

    /**
     * Skips (or, under {@code CI=true}, fails) when PostgreSQL at 127.0.0.1:5432 cannot be reached.
     * Checked once per JVM.
     */
    public static void requirePostgres() {
        String reason = unusableReason(DatabaseKind.POSTGRES);
        if (reason != null) {
            Assumptions.abort(reason);
        }
    }

    /**
     * Why a database of {@code kind} cannot be used here, or null when it can: H2 always can; PostgreSQL
     * when reachable. Under {@code CI=true} an unreachable PostgreSQL is a failure, not a reason to skip.
     */
    public static String unusableReason(DatabaseKind kind) {
        String problem = kind == DatabaseKind.H2 ? null : PostgresProbe.PROBLEM;
        if (problem == null) {
            return null;
        }
        String reason = "PostgreSQL at 127.0.0.1:5432 (database test, user postgres) is unreachable: " + problem
                + ". Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires PostgreSQL. " + reason);
        }
        // Surefire does not show why tests were skipped, so say it once in the build output too
        if (SKIP_WARNED.compareAndSet(false, true)) {
            LOG.warn("skipping every PostgreSQL test: {}", reason);
        }
        return reason;
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

    /** Drops the schema (PostgreSQL) or shuts the H2 database down and deletes its file. */
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
        if (h2File != null) {
            for (String extension : new String[] {".mv.db", ".trace.db"}) {
                try {
                    Files.deleteIfExists(Path.of(h2File + extension));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + h2File + extension, e);
                }
            }
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
