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
     * A run of {@code simulation} with {@code properties} (system properties) into {@code resultsFolder}: on
     * the test class path, in the project folder, without Gatling's HTML report, bounded as one run.
     */
    public static Launch launch(String simulation, Map<String, String> properties, Path resultsFolder) {
        return new Launch(
                simulation,
                properties,
                resultsFolder,
                System.getProperty("java.class.path"),
                Path.of("").toAbsolutePath(),
                false,
                DEADLINE);
    }

    /** How one simulation JVM is launched; each {@code with...} changes one thing of {@link #launch}. */
    public record Launch(
            String simulation,
            Map<String, String> properties,
            Path resultsFolder,
            String classpath,
            Path workingDirectory,
            boolean reports,
            Duration deadline) {

        /** {@code folder} (may be null) before the class path, e.g. one whose students.csv replaces the project's. */
        public Launch withClasspathFirst(Path folder) {
            return folder == null ? this : withClasspath(folder + File.pathSeparator + classpath, workingDirectory);
        }

        /** Another class path and working folder, e.g. a packaged jar run from elsewhere. */
        public Launch withClasspath(String otherClasspath, Path otherWorkingDirectory) {
            return new Launch(
                    simulation, properties, resultsFolder, otherClasspath, otherWorkingDirectory, reports, deadline);
        }

        /** Gatling's HTML report too, as {@code mvn gatling:test} makes it. */
        public Launch withReports() {
            return new Launch(simulation, properties, resultsFolder, classpath, workingDirectory, true, deadline);
        }

        /** A longer bound than one run's, e.g. for the capacity search's several runs. */
        public Launch within(Duration otherDeadline) {
            return new Launch(
                    simulation, properties, resultsFolder, classpath, workingDirectory, reports, otherDeadline);
        }

        /** Runs it to its end (bounded) and returns what it showed. */
        public SimulationProcess run() {
            return start().await();
        }

        /** Starts it without waiting, so that several can run at once (several injectors of one run). */
        public Running start() {
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
                    "io.gatling.app.Gatling",
                    "--simulation",
                    simulation,
                    "--results-folder",
                    resultsFolder.toString()));
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
                return new Running(process, log, deadline);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run the simulation in a JVM of its own", e);
            }
        }
    }

    /** A simulation JVM that was started; {@link #await()} ends it whatever happens. */
    public static final class Running {
        private final Process process;
        private final Path log;
        private final Duration deadline;

        private Running(Process process, Path log, Duration deadline) {
            this.process = process;
            this.log = log;
            this.deadline = deadline;
        }

        /** Waits (bounded) for the end of the run and returns what it showed. */
        public SimulationProcess await() {
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
