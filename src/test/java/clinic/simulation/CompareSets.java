package clinic.simulation;

import clinic.simulation.compare.CompareCommand;
import clinic.simulation.history.ResultsHistory;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * {@code mvn -q test-compile exec:java@compare -Dexec.args="<baseline> <candidate>"}: two existing sets of
 * repeated runs compared ({@link CompareCommand}: exit 0 when the gate passes, 1 when it fails, 2 on bad
 * input), then results/index.html rebuilt with the comparison's verdict.
 */
public final class CompareSets {

    private CompareSets() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command as main runs it, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(new CompareCommand(out, ResultsHistory::publish));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
