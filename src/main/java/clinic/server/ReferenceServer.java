package clinic.server;

import javax.sql.DataSource;

/** The reference clinic reservation server, started in-process. */
public final class ReferenceServer implements AutoCloseable {

    /** Migrates the database, loads the fixture, starts HTTP; throws with a clear message on failure. */
    public static ReferenceServer start(ServerConfig config) {
        throw new UnsupportedOperationException("written in the reference-server work");
    }

    /** {@code http://127.0.0.1:<port>/api} */
    public String baseUrl() {
        throw new UnsupportedOperationException();
    }

    public int port() {
        throw new UnsupportedOperationException();
    }

    /** The pool the server uses, for tests that read the tables directly. */
    public DataSource dataSource() {
        throw new UnsupportedOperationException();
    }

    /** What the fixture of the configuration did at start (empty report when there was none). */
    public FixtureReport fixtureReport() {
        throw new UnsupportedOperationException();
    }

    /** Loads (or resets) the fixture on the running server, e.g. between two load runs. */
    public FixtureReport loadFixture(FixtureSpec spec) {
        throw new UnsupportedOperationException();
    }

    /** Stops HTTP, then closes the pool: no thread or connection left behind. */
    @Override
    public void close() {
    }
}
