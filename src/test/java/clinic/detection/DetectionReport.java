package clinic.detection;

import clinic.detection.SeriesOfRuns.JudgedRun;
import clinic.testsupport.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The measured detection table. Each series is saved as its own JSON file; then the table is rebuilt
 * from every saved series. The test classes run in several JVMs, so the save-and-rebuild happens under
 * a file lock: whichever JVM finishes last writes the table with every series in it.
 */
final class DetectionReport {

    static final String REPORT_FILE = "detection-report.md";

    private DetectionReport() {}

    static synchronized void record(Path directory, SeriesOfRuns series) {
        Path seriesFolder = directory.resolve("series");
        try {
            Files.createDirectories(seriesFolder);
            try (FileChannel lockFile = FileChannel.open(
                            seriesFolder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                Path file = seriesFolder.resolve(String.format(
                        "%02d-%s.json", series.order(), series.target().replaceAll("[^A-Za-z0-9-]+", "_")));
                Files.writeString(
                        file,
                        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(series),
                        StandardCharsets.UTF_8);
                Path report = directory.toAbsolutePath().getParent().resolve(REPORT_FILE);
                Path partial = report.resolveSibling(REPORT_FILE + ".tmp");
                Files.writeString(partial, render(readAll(seriesFolder)), StandardCharsets.UTF_8);
                Files.move(partial, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot record the detection series of " + series.target() + " in " + directory, e);
        }
    }

    private static List<SeriesOfRuns> readAll(Path seriesFolder) throws IOException {
        List<SeriesOfRuns> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(seriesFolder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                all.add(Json.MAPPER.readValue(file.toFile(), SeriesOfRuns.class));
            }
        }
        all.sort(Comparator.comparingInt(SeriesOfRuns::order));
        return all;
    }

    static String render(List<SeriesOfRuns> all) {
        StringBuilder text = new StringBuilder();
        text.append("# Detection report\n\n")
                .append("Measured by the detection suite (`clinic.detection.*IT`, run by `mvn verify`): the real\n")
                .append(
                        "`ClinicReservationSimulation` through Gatling's launcher with its standard options (20 students,\n")
                .append(
                        "atOnce, 1–5 reservations, 0.1–2.0 s pauses), against the reference server with one fault per\n")
                .append(
                        "row, or none. Repeat a series' seeds with `mvn verify -Ddetection.seed=<first seed>`. A row stays\n")
                .append("until its class runs again: after running some classes only, check the `ended` column.\n\n")
                .append("| fault | detected by | runs as expected | seeds | wall time per run (mean / max) | ended |\n")
                .append("|---|---|---|---|---|---|\n");
        for (SeriesOfRuns series : all) {
            long meanMs =
                    series.wallTime().toMillis() / Math.max(1, series.runs().size());
            long maxMs = series.runs().stream()
                    .mapToLong(JudgedRun::wallTimeMs)
                    .max()
                    .orElse(0);
            text.append("| ")
                    .append(series.target())
                    .append(" | ")
                    .append(series.check())
                    .append(" | ")
                    .append(series.asExpected())
                    .append('/')
                    .append(series.runs().size())
                    .append(series.expectsDetection() ? " detected" : " clean")
                    .append(" | ")
                    .append(series.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(DetectionRuns.seconds(meanMs))
                    .append(" / ")
                    .append(DetectionRuns.seconds(maxMs))
                    .append(" | ")
                    .append(series.ended())
                    .append(" |\n");
        }
        String failures = all.stream()
                .filter(series -> series.asExpected() < series.runs().size())
                .map(series -> "- " + series.target() + ":" + series.failures())
                .collect(Collectors.joining("\n"));
        if (!failures.isEmpty()) {
            text.append("\nRuns that did not show what they should:\n\n")
                    .append(failures)
                    .append('\n');
        }
        return text.toString();
    }
}
