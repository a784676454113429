package clinic.simulation.compare;

import clinic.simulation.answers.SimulationJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A set of repeated runs of the same scenario, as set.json in the set's folder describes it: what a
 * comparison reads, with each run's own folder (its summary and reports) under {@code runs/}.
 *
 * @param label the set's name ({@code -Dlabel}), what {@code -Dbaseline} looks for
 * @param createdAt when the set started, ISO-8601
 * @param target {@code embedded} or the backend's address
 * @param seed the first run's seed; run k has seed + k − 1, so two sets with the same seed run the same plans
 * @param options the options every run was given, as a run describes them (the first run's seed)
 * @param runs every run, in order, finished or not
 */
public record RunSet(
        String label,
        String createdAt,
        String target,
        int students,
        long seed,
        Map<String, Object> options,
        List<Run> runs,
        double elapsedSeconds) {

    public static final String FILE = "set.json";
    /** Where the runs of a set are, in its folder. */
    static final String RUNS = "runs";

    /**
     * One run of the set.
     *
     * @param folder the run's folder, relative to the set's (its console.log and Gatling's run folder)
     * @param runFolder Gatling's run folder with the run's summary and reports, relative to the set's; null
     *     when the run left none
     * @param exitCode the run's Gatling status (0 passed, 2 an assertion failed, 1 it could not run), -1 when
     *     it was stopped at its time bound
     * @param problem why the run left no summary; null when it left one
     */
    public record Run(
            int number, long seed, String folder, String runFolder, int exitCode, String problem, double seconds) {}

    /** The set in {@code folder}: its set.json, read. */
    public static RunSet read(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            return SimulationJson.MAPPER.readValue(file.toFile(), RunSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes set.json into {@code folder}. */
    public void write(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(FILE), SimulationJson.write(this), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE), e);
        }
    }

    /** Whether {@code folder} holds a set. */
    public static boolean isSet(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    /** The newest set labelled {@code label} in {@code results}, if any. */
    public static Optional<Path> latest(Path results, String label) {
        return sets(results)
                .map(folder -> Map.entry(folder, read(folder)))
                .filter(set -> set.getValue().label().equals(label))
                .max(Comparator.comparing(set -> Instant.parse(set.getValue().createdAt())))
                .map(Map.Entry::getKey);
    }

    /** The labels of the sets in {@code results}, each once, in name order. */
    public static List<String> labels(Path results) {
        return sets(results)
                .map(folder -> read(folder).label())
                .distinct()
                .sorted()
                .toList();
    }

    private static Stream<Path> sets(Path results) {
        if (!Files.isDirectory(results)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(results)) {
            return entries.filter(RunSet::isSet).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + results, e);
        }
    }
}
