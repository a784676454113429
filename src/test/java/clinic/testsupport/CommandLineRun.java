package clinic.testsupport;

import clinic.server.cli.ClinicServerCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One run of the server's command line in this JVM ({@link ClinicServerCommand#execute}), with what it
 * printed on stdout and stderr. Runs must not overlap: stdout and stderr are swapped for the run.
 */
public record CommandLineRun(List<String> args, int exitCode, String out, String err) {

    public static synchronized CommandLineRun of(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            exitCode = ClinicServerCommand.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CommandLineRun(
                List.of(args), exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The non-blank lines written to stderr. */
    public List<String> errLines() {
        return Arrays.stream(err.split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "clinic-server " + String.join(" ", args) + " -> exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n"
                + err;
    }
}
