package clinic.testsupport;

import clinic.server.cli.ClinicServerCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's {@code serve} command in a child JVM of its own, for what only a real process can show:
 * a {@code kill -9}. It runs on this JVM's java binary and {@code java.class.path}: Surefire sets that to
 * the real test class path (its manifest-only booter jar, were it there instead, names the same class
 * path in its manifest). The child's output goes to a log file, read for the base URL. {@link #close()}
 * always ends the child.
 */
public final class ServerProcess implements AutoCloseable {

    /** The line {@code serve} prints once the server is ready. */
    private static final Pattern BASE_URL = Pattern.compile("Clinic reference server: (http://\\S+)");

    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(10);
    private static final Duration LOG_POLL_INTERVAL = Duration.ofMillis(20);

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private ServerProcess(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts {@code serve --port 0 --db <jdbcUrl> --password-iterations <the tests'> <more>}: the server on
     * a test database, on a free port.
     */
    public static ServerProcess serveOn(Duration deadline, String jdbcUrl, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--port",
                "0",
                "--db",
                jdbcUrl,
                "--password-iterations",
                Integer.toString(TestServer.TEST_PASSWORD_ITERATIONS)));
        args.addAll(List.of(more));
        return serve(deadline, args.toArray(String[]::new));
    }

    /** The command line of {@code serve <args>} in a child JVM on this JVM's java binary and class path. */
    public static List<String> serveCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                // a short-lived child on a shared 2-core machine: quick compiles, no C2 warm-up
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ClinicServerCommand.class.getName(),
                "serve"));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code serve <args>} and waits, at most {@code deadline}, until it prints its base URL. */
    public static ServerProcess serve(Duration deadline, String... args) {
        Path log;
        try {
            log = Files.createTempFile("clinic-serve-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the server's log file", e);
        }
        List<String> command = serveCommand(args);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        try {
            return new ServerProcess(process, log, awaitBaseUrl(process, log, deadline));
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Polls the log (bounded) for the base URL line; fails with the log when the child ends or is late. */
    private static String awaitBaseUrl(Process process, Path log, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            Matcher url = BASE_URL.matcher(read(log));
            if (url.find()) {
                return url.group(1);
            }
            if (!process.isAlive()) {
                throw new AssertionError("serve ended with exit code " + process.exitValue()
                        + " before printing its base URL; its output:\n" + read(log));
            }
            try {
                Thread.sleep(LOG_POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for serve", e);
            }
        }
        throw new AssertionError("serve printed no base URL within " + deadline + "; its output:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** {@code http://127.0.0.1:<port>/api} */
    public String baseUrl() {
        return baseUrl;
    }

    /** What the child printed so far (stdout and stderr), for failure messages. */
    public String output() {
        return read(log);
    }

    /** {@code kill -9}: the child gets no chance to close anything. Returns once it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(
                        "server process " + process.pid() + " still alive " + EXIT_DEADLINE + " after it was killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the server process to end", e);
        }
    }

    /** Kills the child if it still runs and deletes its log. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                kill();
            }
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + log, e);
            }
        }
    }
}
