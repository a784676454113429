package clinic.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of the test classes that start servers or commands themselves, several on one database: every
 * class runs once per database (H2, then PostgreSQL) with a database of its own that outlives each
 * server ({@link TestDatabase#createShared}), dropped after the run. Without PostgreSQL every test of
 * its run is skipped with the reason, as in {@link ServerTestBase}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
public abstract class DatabaseTestBase {

    @Parameter
    private DatabaseKind kind;

    private TestDatabase database;
    /** Why this run's database cannot be used; null when it can. */
    private String skipReason;

    @BeforeParameterizedClassInvocation
    final void createDatabase() {
        skipReason = TestDatabase.unusableReason(kind);
        if (skipReason == null) {
            database = TestDatabase.createShared(kind);
        }
    }

    @BeforeEach
    final void skipWithoutDatabase() {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
    }

    @AfterParameterizedClassInvocation
    final void dropDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    protected DatabaseKind databaseKind() {
        return kind;
    }

    protected TestDatabase database() {
        return database;
    }
}
