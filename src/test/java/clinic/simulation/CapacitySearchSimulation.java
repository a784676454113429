package clinic.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import clinic.simulation.capacity.CapacitySearch;
import clinic.simulation.capacity.SearchConsole;
import clinic.simulation.capacity.SearchOptions;
import clinic.simulation.capacity.SearchResult;
import clinic.simulation.history.ResultsHistory;
import clinic.simulation.options.OptionReader;
import clinic.simulation.options.RunOptions;
import clinic.simulation.output.RunFolder;
import clinic.simulation.output.RunOutputs;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * 부하 한계 측정: how many students the backend takes at the opening moment. The search runs the main
 * simulation once per step, each in its own JVM on a fresh week ({@link CapacitySearch}), before this run's
 * own injection; this run then records each step as one entry of Gatling's report (its reservation p95,
 * KO when it broke the service level), and writes capacity-search.json and capacity-search.html beside it,
 * with the steps' runs under {@code steps/}. Options: {@link RunOptions} (the search's own start
 * with {@code search}, {@link SearchOptions}).
 */
public class CapacitySearchSimulation extends Simulation {

    private static final String STEPS_FOLDER = "steps";

    private final OptionReader reader = OptionReader.ofSystemProperties();
    private final SearchOptions search = SearchOptions.read(reader);
    private final RunOptions options = RunOutputs.beforeTheLoad(() -> RunOptions.read(reader));
    private final Path stepsFolder = Path.of(
            options.resultsFolder(),
            "capacity-search-steps-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")));
    private final SearchResult result = RunOutputs.beforeTheLoad(
            () -> CapacitySearch.run(options, search, stepsFolder, ClinicReservationSimulation.class.getName()));

    private final List<Map<String, Object>> stepRecords = result.steps().stream()
            .map(step -> Map.<String, Object>of(
                    "name", "단계 %02d: 학생 %d명%s".formatted(step.number(), step.students(), step.rerun() ? " (재실행)" : ""),
                    "p95Ms", (int) step.p95Ms(),
                    "held", step.held()))
            .toList();

    private final ScenarioBuilder searchSteps = scenario("부하 한계 측정")
            .feed(listFeeder(stepRecords).queue())
            .exec(dummy(session -> session.getString("name"), session -> session.getInt("p95Ms"))
                    .withSuccess(session -> session.getBoolean("held")));

    {
        setUp(searchSteps.injectOpen(atOnceUsers(stepRecords.size())));
    }

    @Override
    public void after() {
        Path folder = RunFolder.locate(Path.of(options.resultsFolder()));
        SearchResult placed = result;
        try {
            Files.move(stepsFolder, folder.resolve(STEPS_FOLDER));
            placed = result.withStepsFolder(STEPS_FOLDER);
        } catch (IOException e) {
            placed = result.withStepsFolder(folder.toAbsolutePath()
                    .relativize(stepsFolder.toAbsolutePath())
                    .toString());
        }
        Path page = placed.write(folder);
        RunOutputs.CONSOLE.info("\n{}", SearchConsole.render(placed));
        RunOutputs.CONSOLE.info("📁 {}: {}", SearchResult.FILE, folder.toAbsolutePath());
        RunOutputs.CONSOLE.info("📊 부하 한계 측정 보고서: {}", page.toAbsolutePath().toUri());
        ResultsHistory.publish(Path.of(options.resultsFolder()));
    }
}
