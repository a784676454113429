package clinic.server.repository;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and the schema migrations, for H2 ({@code MODE=PostgreSQL}) or PostgreSQL.
 * Opening it connects and migrates; failures surface as {@link IllegalStateException} with a one-line
 * reason.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Two cores: a handful of connections keeps the row-lock queue short without idle churn. */
    private static final int POOL_SIZE = 10;

    private static final long CONNECTION_TIMEOUT_MS = 30_000;
    private static final String H2_PREFIX = "jdbc:h2:";
    private static final String H2_MEMORY_PREFIX = "jdbc:h2:mem:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&]+)");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private final String url;
    private final HikariDataSource pool;
    /** True for the fresh in-memory database made for a null URL: only that one is shut down on close. */
    private final boolean ownsDatabase;

    private Database(String url, HikariDataSource pool, boolean ownsDatabase) {
        this.url = url;
        this.pool = pool;
        this.ownsDatabase = ownsDatabase;
    }

    /**
     * Opens the pool and migrates. A null URL means a fresh in-memory H2 database whose name is unique
     * to this call, so several servers in one JVM never share data.
     */
    public static Database open(String jdbcUrl) {
        String url = completeUrl(jdbcUrl);
        // a plain connection first: an unreachable database gives one clear line, not the pool's stack trace
        try (Connection probe = DriverManager.getConnection(url)) {
            LOG.debug("database reachable: {}", probe.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to database " + masked(url) + ": " + rootMessage(e), e);
        }
        HikariDataSource pool;
        try {
            HikariConfig config = new HikariConfig();
            config.setPoolName("clinic-db");
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(POOL_SIZE);
            config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
            // the reservation's row lock makes READ COMMITTED safe (see RowLockedBooking)
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to database " + masked(url) + ": " + rootMessage(e), e);
        }
        Database database = new Database(url, pool, jdbcUrl == null || jdbcUrl.isBlank());
        try {
            database.requireDurableCommits();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw new IllegalStateException("cannot migrate database " + masked(url) + ": " + rootMessage(e), e);
        }
        return database;
    }

    /**
     * Refuses an H2 database on disk whose commits may reach the file after they are answered (a
     * WRITE_DELAY other than 0, e.g. set in the URL, or by the TCP server that opened it first): a
     * crash would lose reservations already answered 200. PostgreSQL's commits are durable as the
     * server is configured; in-memory H2 keeps nothing past the process anyway.
     */
    private void requireDurableCommits() {
        if (!kind().equals("h2")) {
            return;
        }
        String writeDelay;
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet path = statement.executeQuery("SELECT DATABASE_PATH()")) {
                if (!path.next() || path.getString(1) == null) {
                    return;
                }
            }
            try (ResultSet setting = statement.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                writeDelay = setting.next() ? setting.getString(1) : "unknown";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the write delay of database " + masked(url) + ": " + rootMessage(e), e);
        }
        if (!"0".equals(writeDelay)) {
            throw new IllegalStateException("refusing H2 database " + masked(url) + " with WRITE_DELAY=" + writeDelay
                    + ": a crash could lose reservations already answered 200; remove WRITE_DELAY from the URL"
                    + " (the server sets 0)");
        }
    }

    private void migrate() {
        // one schema for both databases; only the seat-counting trigger is written per database (h2, postgresql)
        var flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + kind());
        currentSchema(url)
                .ifPresent(
                        schema -> flyway.schemas(schema).defaultSchema(schema).createSchemas(true));
        flyway.load().migrate();
    }

    static String completeUrl(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return H2_MEMORY_PREFIX + "clinic-" + UUID.randomUUID() + h2Settings(true, "");
        }
        if (jdbcUrl.startsWith(H2_PREFIX)) {
            return jdbcUrl + h2Settings(jdbcUrl.startsWith(H2_MEMORY_PREFIX), jdbcUrl.toUpperCase());
        }
        if (jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            return jdbcUrl;
        }
        throw new IllegalArgumentException(
                "unsupported database URL '" + masked(jdbcUrl) + "' (expected jdbc:h2:... or jdbc:postgresql://...)");
    }

    /** The H2 settings the schema and SQL rely on, added unless the URL already sets them. */
    private static String h2Settings(boolean inMemory, String upperCaseUrl) {
        StringBuilder settings = new StringBuilder();
        addSetting(settings, upperCaseUrl, "MODE", "PostgreSQL");
        addSetting(settings, upperCaseUrl, "DATABASE_TO_LOWER", "TRUE");
        // row-lock waits can queue a few dozen short transactions under load
        addSetting(settings, upperCaseUrl, "LOCK_TIMEOUT", "10000");
        if (inMemory) {
            // keep the database while the pool has no open connection; close() shuts it down
            addSetting(settings, upperCaseUrl, "DB_CLOSE_DELAY", "-1");
        } else {
            // each commit reaches the file before it is answered; H2's default writes up to 500 ms later
            addSetting(settings, upperCaseUrl, "WRITE_DELAY", "0");
        }
        return settings.toString();
    }

    private static void addSetting(StringBuilder settings, String upperCaseUrl, String name, String value) {
        if (!upperCaseUrl.contains(";" + name + "=")) {
            settings.append(';').append(name).append('=').append(value);
        }
    }

    private static Optional<String> currentSchema(String url) {
        Matcher matcher = CURRENT_SCHEMA.matcher(url);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The URL with any password replaced, for messages and logs. */
    public static String masked(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    public boolean isInMemoryH2() {
        return url.startsWith(H2_MEMORY_PREFIX);
    }

    /** {@code h2} or {@code postgresql}: the health answer, and the folder of the per-database migrations. */
    public String kind() {
        return url.startsWith(H2_PREFIX) ? "h2" : "postgresql";
    }

    /**
     * Closes the pool. The server's own in-memory H2 database is shut down first so its memory is
     * released; a database named by the caller stays for whoever else uses it.
     */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        if (ownsDatabase) {
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("in-memory H2 shutdown failed; closing the pool anyway", e);
            }
        }
        pool.close();
    }
}
