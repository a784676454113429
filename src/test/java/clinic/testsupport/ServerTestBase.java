package clinic.testsupport;

import clinic.server.ServerConfig;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the server test classes: one server per class on a database of the subclass's kind (so each
 * group of cases runs on H2 and on PostgreSQL through two small subclasses), and after every test the
 * check that no answer showed server internals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTestBase {

    public static final String STUDENT_PASSWORD = "clinic-pass-2024";
    private static final AtomicInteger STUDENT_NUMBER = new AtomicInteger();

    private final DatabaseKind databaseKind;
    private TestServer server;

    protected ServerTestBase(DatabaseKind databaseKind) {
        this.databaseKind = databaseKind;
    }

    /** Adjusts the class's server configuration; the default keeps {@link TestServer#baseConfig}. */
    protected ServerConfig configure(ServerConfig config) {
        return config;
    }

    @BeforeAll
    final void startServer() {
        server = TestServer.start(databaseKind, this::configure);
    }

    @AfterEach
    final void noAnswerShowedInternals() {
        api().assertNoLeaks();
    }

    @AfterAll
    final void stopServer() {
        if (server != null) {
            server.close();
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
