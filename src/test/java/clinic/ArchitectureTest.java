package clinic;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import clinic.simulation.scenario.GatlingInternals;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * The layout of the code, checked so that it cannot drift: no package cycles, a core (the scenario, the
 * answers, the ledger and the audit, the options, the backend's preparation and the run's files) that
 * knows none of its add-ons, Gatling's internals in one adapter, a contract that depends on nothing, a
 * server that knows nothing of the load test. Tests themselves may use anything. javac copies a String
 * constant into the class that uses it, so such a use leaves no dependency for these rules to see.
 */
@AnalyzeClasses(
        packages = "clinic",
        importOptions = {ImportOption.DoNotIncludeJars.class, ArchitectureTest.WithoutTests.class})
class ArchitectureTest {

    static final String[] CORE = {
        "clinic.simulation.answers..",
        "clinic.simulation.audit..",
        "clinic.simulation.backend..",
        "clinic.simulation.options..",
        "clinic.simulation.output..",
        "clinic.simulation.scenario.."
    };
    static final String[] ADD_ONS = {
        "clinic.simulation.report..",
        "clinic.simulation.capacity..",
        "clinic.simulation.launch..",
        "clinic.simulation.merge..",
        "clinic.simulation.compare..",
        "clinic.simulation.history.."
    };

    /** The harness's own classes: not the tests, nor their support. */
    static final class WithoutTests implements ImportOption {
        private static final Pattern TEST_CLASS = Pattern.compile(".*/clinic/.*(Test|IT)(\\$[^/]*)?\\.class$");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_CLASS)
                    && !location.contains("/clinic/testsupport/")
                    && !location.contains("/clinic/detection/");
        }
    }

    @ArchTest
    static final ArchRule harnessPackagesHaveNoCycles =
            slices().matching("clinic.simulation.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule serverPackagesHaveNoCycles =
            slices().matching("clinic.server.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theCoreKnowsNoAddOn = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADD_ONS)
            .because("add-ons read the core's files or call its API, never the other way round");

    @ArchTest
    static final ArchRule theCoreKnowsNoSimulation = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("clinic.simulation")
            .because("the simulations compose the core and its add-ons");

    @ArchTest
    static final ArchRule gatlingsInternalsAreReachedInOnePlace = noClasses()
            .that()
            .resideInAPackage("clinic..")
            .and()
            .doNotHaveFullyQualifiedName(GatlingInternals.class.getName())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.gatling.core..",
                    "io.gatling.commons..",
                    "io.gatling.javaapi.core.internal..",
                    "io.gatling.javaapi.http.internal..",
                    "scala..")
            .because("Gatling's public Java API is all the harness uses, but for GatlingInternals");

    @ArchTest
    static final ArchRule theContractDependsOnNothing = classes()
            .that()
            .resideInAPackage("clinic.contract..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("clinic.contract..", "java..");

    @ArchTest
    static final ArchRule theServerKnowsNothingOfTheLoadTest = noClasses()
            .that()
            .resideInAPackage("clinic.server..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("clinic.simulation..");
}
