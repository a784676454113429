package clinic.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.output.RunSummary;
import clinic.simulation.report.ReportPage;
import clinic.testsupport.Folders;
import clinic.testsupport.SimulationProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The main job as {@code mvn gatling:test} runs it, with no option: the simulation in a JVM of its own against
 * the embedded reference server, Gatling's HTML report and the clinic report beside it. It runs among the
 * other integration tests rather than after them (the plugin's own run once added half a minute to every
 * {@code mvn verify}, alone on the machine).
 */
class MainSimulationIT {

    private static final Path RESULTS = Path.of(System.getProperty("detection.dir", "target/detection"))
            .resolve("runs")
            .resolve("main-simulation");

    @Test
    void theDocumentedCommandsRunPassesItsAuditAndWritesBothReports() throws IOException {
        SimulationProcess run = SimulationProcess.launch(
                        ClinicReservationSimulation.class.getName(),
                        // where the plugin tells the run its results folder is
                        Map.of("clinic.resultsFolder", RESULTS.toString()),
                        Folders.cleared(RESULTS))
                .withReports()
                .run();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("로그인: 20/20 성공", "✅ 최종 상태 감사: 통과");
        try (Stream<Path> folders = Files.list(RESULTS)) {
            assertThat(folders.filter(Files::isDirectory))
                    .as(run.output())
                    .singleElement()
                    .satisfies(folder -> {
                        assertThat(RunSummary.read(folder.resolve(RunSummary.FILE))
                                        .audit()
                                        .passed())
                                .isTrue();
                        assertThat(folder.resolve("index.html"))
                                .as("Gatling's report")
                                .isNotEmptyFile();
                        assertThat(folder.resolve(ReportPage.FILE))
                                .as("the clinic report")
                                .isNotEmptyFile();
                    });
        }
    }
}
