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
        String classpath = (classpathFirst == null ? "" : classpathFirst + File.pathSeparator)
                + System.getProperty("java.class.path");
        return start(simulation, properties, classpath, Path.of("").toAbsolutePath(), resultsFolder, false)
                .await();
    }

    /**
     * Runs {@code simulation} as {@code mvn gatling:test} does: Gatling's HTML report included (the other
     * runs here skip it), into {@code resultsFolder}.
     */
    public static SimulationProcess runWithReports(String simulation, Path resultsFolder) {
        return start(
                        simulation,
                        // where the plugin tells the run its results folder is
                        Map.of("clinic.resultsFolder", resultsFolder.toString()),
                        System.getProperty("java.class.path"),
                        Path.of("").toAbsolutePath(),
                        resultsFolder,
                        true)
                .await();
    }

    /** The same with a longer bound than one run's, e.g. for the capacity search's several runs. */
    public static SimulationProcess run(
            String simulation, Map<String, String> properties, Path resultsFolder, Duration deadline) {
        return start(
                        simulation,
                        properties,
                        System.getProperty("java.class.path"),
                        Path.of("").toAbsolutePath(),
                        resultsFolder,
                        false)
                .await(deadline);
    }

    /**
     * Starts {@code simulation} on {@code classpath} in {@code workingDirectory} without waiting, so that
     * several can run at once (several injectors of one run).
     */
    public static Running start(
            String simulation,
            Map<String, String> properties,
            String classpath,
            Path workingDirectory,
            Path resultsFolder) {
        return start(simulation, properties, classpath, workingDirectory, resultsFolder, false);
    }

    private static Running start(
            String simulation,
            Map<String, String> properties,
            String classpath,
            Path workingDirectory,
            Path resultsFolder,
            boolean reports) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        // a run of seconds on a shared 2-core machine: quick compiles, no C2 warm-up (as ServerProcess)
        command.add("-XX:TieredStopAtLevel=1");
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        command.add("-cp");
        command.add(classpath);
        command.add("-Dclinic.launchedByMaven=true");
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(
                "io.gatling.app.Gatling", "--simulation", simulation, "--results-folder", resultsFolder.toString()));
        if (!reports) {
            command.add("--no-reports");
        }
        try {
            Files.createDirectories(resultsFolder);
            Path log = Files.createTempFile(resultsFolder, "simulation", ".out");
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Running(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the simulation in a JVM of its own", e);
        }
    }

    /** A simulation JVM that was started; {@link #await()} ends it whatever happens. */
    public static final class Running {
        private final Process process;
        private final Path log;

        private Running(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        /** Waits (bounded) for the end of the run and returns what it showed. */
        public SimulationProcess await() {
            return await(DEADLINE);
        }

        private SimulationProcess await(Duration deadline) {
            try {
                if (!process.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError("the simulation did not end within " + deadline + ":\n" + output());
                }
                return new SimulationProcess(process.exitValue(), output());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while the simulation ran", e);
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }

        private String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + log, e);
            }
        }
    }

    /** The non-blank lines printed, in order. */
    public List<String> lines() {
        return output.lines().filter(line -> !line.isBlank()).toList();
    }
}
