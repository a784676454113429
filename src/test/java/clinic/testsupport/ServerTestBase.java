package clinic.testsupport;

import clinic.server.ServerConfig;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of the server test classes: every class runs once per database (H2, then PostgreSQL), each run
 * with a server of its own on a fresh database, and after every test the check that no answer showed
 * server internals. Set-up that needs the server goes in {@link #afterServerStart()}. Without PostgreSQL
 * every test of its run is skipped with the reason, so the run shows as skipped tests, not as none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
public abstract class ServerTestBase {

    public static final String STUDENT_PASSWORD = "clinic-pass-2024";
    private static final AtomicInteger STUDENT_NUMBER = new AtomicInteger();

    @Parameter
    private DatabaseKind databaseKind;

    private TestServer server;
    /** Why this run's database cannot be used; null when it can. */
    private String skipReason;

    /** Adjusts the class's server configuration; the default keeps {@link TestServer#baseConfig}. */
    protected ServerConfig configure(ServerConfig config) {
        return config;
    }

    @BeforeParameterizedClassInvocation
    final void startServer() {
        skipReason = TestDatabase.unusableReason(databaseKind);
        if (skipReason == null) {
            server = TestServer.start(databaseKind, this::configure);
            afterServerStart();
        }
    }

    /** Set-up of the subclass that needs the running server (students, clinics); runs once per database. */
    protected void afterServerStart() {}

    @BeforeEach
    final void skipWithoutDatabase() {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
    }

    @AfterEach
    final void noAnswerShowedInternals() {
        if (server != null) {
            api().assertNoLeaks();
        }
    }

    @AfterParameterizedClassInvocation
    final void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    protected DatabaseKind databaseKind() {
        return databaseKind;
    }

    protected TestServer server() {
        return server;
    }

    protected ApiClient api() {
        return server.api();
    }

    protected ClinicDatabase sql() {
        return server.sql();
    }

    /** A username no other test of this JVM uses. */
    protected static String uniqueUsername(String prefix) {
        return prefix + "_" + STUDENT_NUMBER.incrementAndGet() + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    }

    /** Registers a fresh student through the API and logs it in. */
    protected TestStudent newStudent() {
        String username = uniqueUsername("student");
        String name = "학생" + STUDENT_NUMBER.get();
        long id = api().register(username, STUDENT_PASSWORD, name);
        return new TestStudent(id, username, STUDENT_PASSWORD, name, api().login(username, STUDENT_PASSWORD));
    }
}
