package clinic.server.cli;

import clinic.server.ClinicLayout;
import clinic.server.FixtureSpec;
import clinic.server.FixtureSpec.Clinics;
import clinic.server.fixture.TestFixture;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "setup-test-clinics",
        mixinStandardHelpOptions = true,
        description = "Creates the test clinics (physics1, teacher k in room k; by default the eight Monday "
                + "clinics of the contract) in the database.")
class SetupTestClinicsCommand implements Callable<Integer> {

    @Option(names = "--reset", description = "first delete the clinics of 테스트강사… on these days and their reservations")
    boolean reset;

    @Option(names = "--capacity", paramLabel = "N", description = "seats per clinic (default: ${DEFAULT-VALUE})")
    int capacity = FixtureSpec.DEFAULT_CAPACITY;

    @Option(
            names = "--closed-clinics",
            paramLabel = "K",
            description = "add K inactive clinics beside the layout's (first day, first time, the next rooms): "
                    + "they answer reservation_closed (default: ${DEFAULT-VALUE})")
    int closedClinics;

    @Mixin
    ClinicLayoutOptions layout;

    @Mixin
    FixtureDatabaseOptions database;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OptionRange.require(spec, "--capacity", capacity, 1, FixtureSpec.MAX_CAPACITY);
        ClinicLayout chosen = layout.layout();
        OptionRange.require(spec, "--closed-clinics", closedClinics, 0, ClinicLayout.MAX_ROOMS);
        TestFixture.ClinicSetup setup = database.withFixture(fixture ->
                fixture.setupClinics(reset ? Clinics.RESET : Clinics.KEEP_EXISTING, chosen, capacity, closedClinics));
        if (reset) {
            System.out.println("🗑️  기존 테스트 클리닉 " + setup.deleted() + "개 삭제");
        }
        System.out.println("✅ 클리닉 " + setup.created() + "개 생성, " + setup.kept() + "개 유지·재활성화");
        FixturePrinter.printClinics(System.out, setup.clinics());
        return 0;
    }
}
