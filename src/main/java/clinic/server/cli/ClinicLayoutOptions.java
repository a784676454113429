package clinic.server.cli;

import clinic.contract.ClinicDay;
import clinic.server.ClinicLayout;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the test clinics go ({@link ClinicLayout}): the same three options for every command that makes them. */
final class ClinicLayoutOptions {

    @Option(
            names = "--days",
            paramLabel = "DAYS",
            description = "days of the clinics: a list such as mon,wed, or all (default: mon)")
    String days;

    @Option(
            names = "--times",
            paramLabel = "HH:MM,...",
            description = "times of the clinics on each day (default: 18:00,19:00,20:00,21:00)")
    String times;

    @Option(
            names = "--rooms",
            paramLabel = "N",
            description = "rooms side by side at each time, 1-" + ClinicLayout.MAX_ROOMS + " (default: 2)")
    Integer rooms;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    boolean given() {
        return days != null || times != null || rooms != null;
    }

    /** The layout of the options, the contract's for what is not given; a bad value is a usage error. */
    ClinicLayout layout() {
        ClinicLayout standard = ClinicLayout.STANDARD;
        List<ClinicDay> chosenDays = days == null ? standard.days() : parsed("--days", days, ClinicDay::listOf);
        List<java.time.LocalTime> chosenTimes =
                times == null ? standard.times() : parsed("--times", times, ClinicLayout::timesOf);
        int chosenRooms = rooms == null ? standard.rooms() : rooms;
        OptionRange.require(command, "--rooms", chosenRooms, 1, ClinicLayout.MAX_ROOMS);
        return new ClinicLayout(chosenDays, chosenTimes, chosenRooms);
    }

    private <T> T parsed(String option, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), option + ": " + e.getMessage());
        }
    }
}
