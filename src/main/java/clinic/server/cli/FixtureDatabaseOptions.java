package clinic.server.cli;

import clinic.server.ServerConfig;
import clinic.server.fixture.TestFixture;
import clinic.server.repository.ClinicRepository;
import clinic.server.repository.Database;
import clinic.server.service.PasswordHasher;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The database options of the setup commands, which change a real database and so require {@code --db}. */
final class FixtureDatabaseOptions {

    @Option(
            names = "--db",
            required = true,
            paramLabel = "JDBC_URL",
            description = "jdbc:h2:file:... or jdbc:postgresql://... (currentSchema is created if missing)")
    String jdbcUrl;

    @Option(
            names = "--password-iterations",
            paramLabel = "N",
            description = "PBKDF2 iterations for new password hashes (default: ${DEFAULT-VALUE})")
    int passwordIterations = ServerConfig.DEFAULT_PASSWORD_ITERATIONS;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Opens (and migrates) the database, runs one fixture step, closes the database; bad options first. */
    <T> T withFixture(Function<TestFixture, T> step) {
        OptionRange.require(command, "--password-iterations", passwordIterations, 1, PasswordHasher.MAX_ITERATIONS);
        PasswordHasher hasher = new PasswordHasher(passwordIterations);
        try (Database database = Database.open(jdbcUrl)) {
            TestFixture fixture = new TestFixture(Jdbi.create(database.dataSource()), new ClinicRepository(), hasher);
            return step.apply(fixture);
        }
    }
}
