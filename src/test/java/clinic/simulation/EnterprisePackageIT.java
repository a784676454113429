package clinic.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.server.ServerConfig;
import clinic.simulation.output.RunSummary;
import clinic.testsupport.SimulationProcess;
import clinic.testsupport.TestServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package Gatling Enterprise runs ({@code mvn gatling:enterprisePackage}, bound to the package phase):
 * it names the simulation, holds the data files, and runs from a folder that holds nothing of the
 * project, on its own classes plus Gatling's (which Enterprise brings), with nothing but options.
 */
class EnterprisePackageIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path elsewhere;

    @Test
    void thePackageNamesTheSimulationHoldsItsDataAndRunsFromAnotherFolder() throws IOException {
        Path jar = shadedJar();
        try (JarFile contents = new JarFile(jar.toFile())) {
            assertThat(contents.getManifest().getMainAttributes().getValue("Gatling-Simulations"))
                    .contains(ClinicReservationSimulation.class.getName());
            for (String resource : List.of("students.csv", "clinics.csv", "gatling.conf", "logback.xml")) {
                assertThat(contents.getEntry(resource)).as(resource).isNotNull();
            }
        }
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.defaults()
                .withPasswordIterations(TestServer.TEST_PASSWORD_ITERATIONS)
                .withFixture(FixtureSpec.standard()))) {
            Path results = elsewhere.resolve("results");
            SimulationProcess run = SimulationProcess.launch(
                            ClinicReservationSimulation.class.getName(),
                            Map.of("baseUrl", server.baseUrl(), "seed", "5", "resultsFolder", results.toString()),
                            results)
                    .withClasspath(jar + File.pathSeparator + classpathWithoutTheProject(), elsewhere)
                    .run();

            assertThat(run.exitCode()).as(run.output()).isZero();
            try (Stream<Path> runs = Files.list(results)) {
                assertThat(runs.filter(folder -> Files.isRegularFile(folder.resolve(RunSummary.FILE))))
                        .as(run.output())
                        .singleElement()
                        .satisfies(folder -> assertThat(RunSummary.read(folder.resolve(RunSummary.FILE))
                                        .audit()
                                        .passed())
                                .isTrue());
            }
        }
    }

    private static Path shadedJar() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-shaded.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "no *-shaded.jar in " + TARGET + ": the package phase builds it (mvn verify)"));
        }
    }

    /** The test class path without anything of this project: the dependencies, Gatling's among them. */
    private static String classpathWithoutTheProject() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().startsWith(TARGET))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
