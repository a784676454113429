package clinic.server.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A numeric option's bounds: a value outside them is a usage error naming the option (one line, exit 2). */
final class OptionRange {

    private OptionRange() {}

    static void require(CommandSpec command, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(
                    command.commandLine(), option + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
