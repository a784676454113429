package clinic.server;

import clinic.contract.Endpoint;
import clinic.server.fault.Faults;
import clinic.server.fixture.TestFixture;
import clinic.server.http.ApiServer;
import clinic.server.repository.ClinicRepository;
import clinic.server.repository.Database;
import clinic.server.service.CheckedSeatReservation;
import clinic.server.service.ClinicBackend;
import clinic.server.service.ClinicService;
import clinic.server.service.ContractChecks;
import clinic.server.service.PasswordHasher;
import clinic.server.service.RateLimiter;
import clinic.server.service.ReservationChecks;
import clinic.server.service.RowLockedBooking;
import clinic.server.service.SeatBooking;
import clinic.server.service.SeatReservation;
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
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final TestFixture fixture;
    private final FixtureReport fixtureReport;
    private final ApiServer http;
    private boolean closed;

    private ReferenceServer(
            ServerConfig config,
            Database database,
            RateLimiter rateLimiter,
            Faults faults,
            TestFixture fixture,
            FixtureReport fixtureReport,
            ApiServer http) {
        this.config = config;
        this.database = database;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
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
            Faults faults = new Faults(config.faults(), config.slowDelay());
            faults.prepare(database, jdbi, repository);
            PasswordHasher hasher = new PasswordHasher(config.passwordIterations());
            RateLimiter rateLimiter = new RateLimiter(config.rateLimitRequests(), config.rateLimitWindow());
            // the correct backend, each part wrapped by the faults switched on that break it
            ReservationChecks checks = faults.checks(new ContractChecks());
            SeatBooking booking = faults.booking(new RowLockedBooking(repository, faults.recheck(checks)), repository);
            SeatReservation seats =
                    faults.seatReservation(new CheckedSeatReservation(jdbi, repository, checks, booking));
            ClinicBackend backend =
                    faults.backend(new ClinicService(jdbi, repository, hasher, rateLimiter, seats, database.kind()));
            TestFixture fixture = new TestFixture(jdbi, repository, hasher);
            // the port first: a second `serve --reset` on a taken port must fail before it touches the data;
            // until the fixture is loaded every request answers 503 starting
            ApiServer http = ApiServer.start(config.host(), config.port(), backend);
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
            ReferenceServer server = new ReferenceServer(config, database, rateLimiter, faults, fixture, report, http);
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
        return "http://" + config.host() + ":" + port() + Endpoint.API_PREFIX;
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
        resetRunState();
        return report;
    }

    /** Forgets rate-limit history and restarts the fault counters. */
    private void resetRunState() {
        rateLimiter.reset();
        faults.restartCounters();
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
