package clinic.simulation.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where our files go: the run folder Gatling is writing (the newest folder under the results folder
 * holding a simulation.log), so they sit next to index.html; the results folder itself otherwise.
 */
public final class RunFolder {

    private RunFolder() {}

    public static Path locate(Path resultsFolder) {
        return current(resultsFolder).orElse(resultsFolder);
    }

    private static Optional<Path> current(Path resultsFolder) {
        if (!Files.isDirectory(resultsFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.filter(run -> Files.isRegularFile(run.resolve("simulation.log")))
                    .max(Comparator.comparing(RunFolder::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + resultsFolder, e);
        }
    }

    private static long lastModified(Path run) {
        try {
            return Files.getLastModifiedTime(run.resolve("simulation.log")).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
