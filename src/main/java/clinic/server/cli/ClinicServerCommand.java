package clinic.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of the reference server: {@code serve}, {@code setup-test-clinics} and
 * {@code setup-test-students}. Any failure ends with one line on stderr and a non-zero exit code.
 */
@Command(
        name = "clinic-server",
        mixinStandardHelpOptions = true,
        version = "clinic-server 0.1.0",
        description = "Reference clinic (보충) reservation server and its test fixture.",
        subcommands = {ServeCommand.class, SetupTestClinicsCommand.class, SetupTestStudentsCommand.class})
public class ClinicServerCommand implements Runnable {

    /** Exit code for bad usage (unknown flag, bad value); 1 is for failures while running. */
    static final int USAGE_ERROR = 2;

    static final int RUN_ERROR = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs the command line and returns its exit code; {@code serve} returns only when stopped. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new ClinicServerCommand());
        commandLine.setParameterExceptionHandler((e, ignoredArgs) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(
                    "error: " + e.getMessage() + " (see " + e.getCommandLine().getCommandName() + " --help)");
            err.flush();
            return USAGE_ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            PrintWriter err = failed.getErr();
            err.println("error: " + e.getMessage());
            err.flush();
            return RUN_ERROR;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: serve, setup-test-clinics or setup-test-students");
    }
}
