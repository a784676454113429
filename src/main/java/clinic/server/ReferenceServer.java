package clinic.server;

import clinic.server.fixture.TestFixture;
import clinic.server.http.ApiServer;
import clinic.server.repository.ClinicRepository;
import clinic.server.repository.Database;
import clinic.server.service.ClinicService;
import clinic.server.service.FaultInjector;
import clinic.server.service.PasswordHasher;
import clinic.server.service.RateLimiter;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reference clinic reservation server, started in-process. */
public final class ReferenceServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceServer.class);

    private final ServerConfig config;
    private final Database database;
    private final ClinicService service;
    private final TestFixture fixture;
    private final FixtureReport fixtureReport;
    private final ApiServer http;
    private boolean closed;

    private ReferenceServer(
            ServerConfig config,
            Database database,
            ClinicService service,
            TestFixture fixture,
            FixtureReport fixtureReport,
            ApiServer http) {
        this.config = config;
        this.database = database;
        this.service = service;
        this.fixture = fixture;
        this.fixtureReport = fixtureReport;
        this.http = http;
    }

    /** Migrates the database, loads the fixture, starts HTTP; throws with a clear message on failure. */
    public static ReferenceServer start(ServerConfig config) {
        Database database;
        try {
            database = Database.open(config.jdbcUrl());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
        try {
            Jdbi jdbi = Jdbi.create(database.dataSource());
            ClinicRepository repository = new ClinicRepository();
            if (config.faults().contains(FaultMode.DOUBLE_CLICK)) {
                if (!database.isInMemoryH2()) {
                    throw new ServerStartException("fault double-click drops a unique constraint and is refused on "
                            + Database.masked(database.url()) + ": use it only with the in-memory H2 database");
                }
                jdbi.useHandle(repository::dropOneReservationPerStudentConstraint);
            }
            PasswordHasher hasher = new PasswordHasher(config.passwordIterations());
            ClinicService service = new ClinicService(
                    jdbi,
                    repository,
                    hasher,
                    new RateLimiter(config.rateLimitRequests(), config.rateLimitWindow()),
                    new FaultInjector(config.faults()),
                    database.kind());
            TestFixture fixture = new TestFixture(jdbi, repository, hasher);
            // the port first: a second `serve --reset` on a taken port must fail before it touches the data;
            // until the fixture is loaded every request answers 503 starting
            ApiServer http = ApiServer.start(config.host(), config.port(), service);
            FixtureReport report;
            try {
                report = config.fixture() == null
                        ? new FixtureReport(List.of(), 0, 0, 0)
                        : fixture.load(config.fixture());
            } catch (RuntimeException e) {
                http.close();
                throw e;
            }
            http.ready();
            ReferenceServer server = new ReferenceServer(config, database, service, fixture, report, http);
            LOG.info(
                    "clinic reference server on {} ({}, rate limit {}, faults {})",
                    server.baseUrl(),
                    database.kind(),
                    config.rateLimitRequests() == 0
                            ? "off"
                            : config.rateLimitRequests() + " per "
                                    + config.rateLimitWindow().toSeconds() + " s",
                    config.faults().isEmpty()
                            ? "none"
                            : config.faults().stream()
                                    .map(FaultMode::flag)
                                    .sorted()
                                    .collect(Collectors.joining(",")));
            return server;
        } catch (RuntimeException e) {
            database.close();
            throw e instanceof IllegalStateException
                    ? new ServerStartException(e.getMessage(), e)
                    : new ServerStartException("cannot start the server: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>/api} */
    public String baseUrl() {
        return "http://" + config.host() + ":" + port() + ApiServer.API_PREFIX;
    }

    public int port() {
        return http.port();
    }

    /** The pool the server uses, for tests that read the tables directly. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** What the fixture of the configuration did at start (empty report when there was none). */
    public FixtureReport fixtureReport() {
        return fixtureReport;
    }

    /**
     * Loads (or resets) the fixture on the running server, e.g. between two load runs. It also clears
     * the rate-limit history and restarts the fault counters, so each run starts alike.
     */
    public FixtureReport loadFixture(FixtureSpec spec) {
        FixtureReport report = fixture.load(spec);
        service.resetRunState();
        return report;
    }

    /** Stops HTTP, then closes the pool: no thread or connection left behind. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            http.close();
        } finally {
            database.close();
        }
    }
}
