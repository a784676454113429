package clinic.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulation in a JVM of its own, launched the way the Gatling Maven plugin launches it (Gatling's
 * main class, the {@code clinic.launchedByMaven} flag of the pom), so that a test sees what a user sees:
 * the exit status and everything printed. Bounded in time; the process is always gone afterwards.
 *
 * @param output stdout and stderr, interleaved as printed
 */
public record SimulationProcess(int exitCode, String output) {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /**
     * Runs {@code simulation} with {@code properties}; {@code classpathFirst} (may be null) comes before
     * the test classpath, e.g. a folder whose students.csv replaces the project's.
     */
    public static SimulationProcess run(
            String simulation, Map<String, String> properties, Path classpathFirst, Path resultsFolder) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        command.add("-cp");
        command.add((classpathFirst == null ? "" : classpathFirst + File.pathSeparator)
                + System.getProperty("java.class.path"));
        command.add("-Dclinic.launchedByMaven=true");
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(
                "io.gatling.app.Gatling",
                "--simulation",
                simulation,
                "--results-folder",
                resultsFolder.toString(),
                "--no-reports"));
        try {
            Path log = Files.createTempFile(resultsFolder, "simulation", ".out");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError("the simulation did not end within " + DEADLINE + ":\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new SimulationProcess(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the simulation in a JVM of its own", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the simulation ran", e);
        }
    }

    /** The non-blank lines printed, in order. */
    public List<String> lines() {
        return output.lines().filter(line -> !line.isBlank()).toList();
    }
}
