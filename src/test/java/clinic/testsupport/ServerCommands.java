package clinic.testsupport;

import clinic.server.cli.ClinicServerCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several of the server's commands one after the other in one JVM, as a shell runs them joined by
 * {@code &&}: {@code ServerCommands setup-test-clinics ... --then setup-test-students ...}. The first that
 * fails ends the JVM with its exit code. For a setup command run at every step of a capacity search, where
 * starting a JVM per command took longer than the commands.
 */
public final class ServerCommands {

    /** Ends one command's arguments and starts the next's. */
    public static final String THEN = "--then";

    private ServerCommands() {}

    public static void main(String[] args) {
        List<String> command = new ArrayList<>();
        for (String arg : Arrays.asList(args)) {
            if (arg.equals(THEN)) {
                run(command);
                command.clear();
            } else {
                command.add(arg);
            }
        }
        run(command);
        System.exit(0);
    }

    private static void run(List<String> command) {
        int exitCode = ClinicServerCommand.execute(command.toArray(String[]::new));
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
