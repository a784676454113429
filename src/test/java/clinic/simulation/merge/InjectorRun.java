package clinic.simulation.merge;

import clinic.simulation.output.AttemptsFile;
import clinic.simulation.output.AttemptsFile.Attempt;
import clinic.simulation.output.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one injector of a run left: its summary and its reservation attempts, read from its run folder
 * (or from a results folder holding exactly one run).
 */
record InjectorRun(Path folder, RunSummary summary, List<Attempt> attempts) {

    /** Throws {@link IllegalArgumentException} saying what is missing when the folder is not a run's. */
    static InjectorRun read(Path given) {
        Path folder = runFolder(given);
        Path attempts = folder.resolve(AttemptsFile.FILE);
        if (!Files.isRegularFile(attempts)) {
            throw new IllegalArgumentException(folder + " has " + RunSummary.FILE + " but no " + AttemptsFile.FILE
                    + ": it was written by an older version of the harness, run that injector again");
        }
        return new InjectorRun(folder, RunSummary.read(folder.resolve(RunSummary.FILE)), AttemptsFile.read(attempts));
    }

    private static Path runFolder(Path given) {
        if (Files.isRegularFile(given.resolve(RunSummary.FILE))) {
            return given;
        }
        if (!Files.isDirectory(given)) {
            throw new IllegalArgumentException(given + " is not a folder");
        }
        try (Stream<Path> entries = Files.list(given)) {
            List<Path> runs = entries.filter(entry -> Files.isRegularFile(entry.resolve(RunSummary.FILE)))
                    .toList();
            if (runs.size() != 1) {
                throw new IllegalArgumentException(given + " holds " + runs.size() + " runs with " + RunSummary.FILE
                        + ": name one run folder per injector");
            }
            return runs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + given, e);
        }
    }

    /** The injector's number in its run (1 when the run had one injector). */
    int index() {
        Object index = summary.options().get("injectorIndex");
        return index == null ? 1 : ((Number) index).intValue();
    }

    /** How many injectors its run had. */
    int count() {
        Object count = summary.options().get("injectorCount");
        return count == null ? 1 : ((Number) count).intValue();
    }
}
