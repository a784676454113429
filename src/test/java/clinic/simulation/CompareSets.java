package clinic.simulation;

import clinic.simulation.compare.CompareCommand;
import clinic.simulation.history.ResultsHistory;
import picocli.CommandLine;

/**
 * {@code mvn -q test-compile exec:java@compare -Dexec.args="<baseline> <candidate>"}: two existing sets of
 * repeated runs compared ({@link CompareCommand}: exit 0 when the gate passes, 1 when it fails, 2 on bad
 * input), then results/index.html rebuilt with the comparison's verdict.
 */
public final class CompareSets {

    private CompareSets() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new CompareCommand(System.out, ResultsHistory::publish)).execute(args));
    }
}
