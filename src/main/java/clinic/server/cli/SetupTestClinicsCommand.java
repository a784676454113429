package clinic.server.cli;

import clinic.server.FixtureSpec;
import clinic.server.fixture.TestFixture;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "setup-test-clinics",
        mixinStandardHelpOptions = true,
        description = "Creates the eight Monday test clinics (physics1, 테스트강사01..08) in the database.")
class SetupTestClinicsCommand implements Callable<Integer> {

    @Option(names = "--reset", description = "first delete the Monday clinics of 테스트강사… and their reservations")
    boolean reset;

    @Option(names = "--capacity", paramLabel = "N", description = "seats per clinic (default: ${DEFAULT-VALUE})")
    int capacity = FixtureSpec.DEFAULT_CAPACITY;

    @Mixin
    FixtureDatabaseOptions database;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OptionRange.require(spec, "--capacity", capacity, 1, FixtureSpec.MAX_CAPACITY);
        TestFixture.ClinicSetup setup = database.withFixture(fixture -> fixture.setupClinics(reset, capacity));
        if (reset) {
            System.out.println("🗑️  기존 테스트 클리닉 " + setup.deleted() + "개 삭제");
        }
        System.out.println("✅ 클리닉 " + setup.created() + "개 생성, " + setup.kept() + "개 유지·재활성화");
        FixturePrinter.printClinics(System.out, setup.clinics());
        return 0;
    }
}
