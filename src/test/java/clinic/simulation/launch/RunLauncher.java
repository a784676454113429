package clinic.simulation.launch;

import clinic.simulation.options.Option;
import clinic.simulation.output.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the main simulation once in a JVM of its own (Gatling fixes a run's injection when it starts, and a
 * fresh JVM gives every run the same cold start a user's run has), launched as the Gatling Maven plugin
 * launches it, with the run's options as system properties. Bounded in time; the process and its children
 * are gone afterwards.
 */
final class RunLauncher {

    /** Added to a run's own {@code maxDuration} for its JVM's start-up and Gatling's report. */
    static final Duration START_UP_SLACK = Duration.ofMinutes(2);

    /** The main simulation's class name: the root package knows it, the add-ons are given it. */
    private final String simulation;

    RunLauncher(String simulation) {
        this.simulation = simulation;
    }

    /**
     * @param folder the run's results folder: Gatling's run folder and the console file go there
     * @param options the run's simulation options ({@code -D} names and values)
     * @param deadline the run is stopped when it runs past this ({@link System#nanoTime()})
     */
    LaunchedRun run(Path folder, Map<String, String> options, long deadline) {
        long started = System.nanoTime();
        Path console = folder.resolve(LaunchedRun.CONSOLE_FILE);
        Process process = start(folder, console, options);
        try {
            long left = deadline - System.nanoTime();
            boolean ended = left > 0 && process.waitFor(left, TimeUnit.NANOSECONDS);
            double seconds = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
            if (!ended) {
                return new LaunchedRun(folder, null, null, -1, true, lastLines(console), seconds);
            }
            Optional<Path> run = runFolder(folder);
            if (run.isEmpty()) {
                return new LaunchedRun(folder, null, null, process.exitValue(), false, lastLines(console), seconds);
            }
            RunSummary summary = RunSummary.read(run.get().resolve(RunSummary.FILE));
            return new LaunchedRun(folder, run.get(), summary, process.exitValue(), false, null, seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the run in " + folder + " ran", e);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private Process start(Path folder, Path console, Map<String, String> options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m");
        // what the Gatling Maven plugin gives the JVMs it forks: Gatling needs it on Java 17
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        // a run that cannot start says why in its console file and ends, as a user's run does
        command.add("-Dclinic.launchedByMaven=true");
        command.add("-D" + FreshWeeks.IN_A_SERIES + "=true");
        options.forEach((name, value) -> command.add("-D" + name + "=" + value));
        // the run's own files go beside its Gatling report, in the run's folder
        command.add("-D" + Option.RESULTS_FOLDER.key() + "=" + folder);
        command.addAll(
                List.of("io.gatling.app.Gatling", "--simulation", simulation, "--results-folder", folder.toString()));
        try {
            Files.createDirectories(folder);
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a run of the simulation: " + e.getMessage(), e);
        }
    }

    /** The run folder Gatling made in the run's folder, with the run's summary in it. */
    private static Optional<Path> runFolder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(run -> Files.isRegularFile(run.resolve(RunSummary.FILE)))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The lines that say why a run failed: the ones marked ❌, or else the last few. */
    static String lastLines(Path console) {
        try {
            List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("at "))
                    .toList();
            List<String> marked = lines.stream()
                    .dropWhile(line -> !line.contains("❌"))
                    .limit(8)
                    .toList();
            List<String> shown = marked.isEmpty() ? lines.subList(Math.max(0, lines.size() - 5), lines.size()) : marked;
            return String.join("\n", shown);
        } catch (IOException e) {
            return "(" + console + " unreadable: " + e.getMessage() + ")";
        }
    }
}
