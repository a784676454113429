package clinic.simulation.report;

import clinic.simulation.options.RunOptions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The command that repeats a run: its options as its summary lists them. */
final class RepeatCommand {

    private RepeatCommand() {}

    /**
     * {@code mvn gatling:test} with every option that differs from its default, and the seed: the run again.
     * Values with characters a shell would read are quoted.
     */
    static String of(Map<String, Object> options) {
        Map<String, Object> defaults = RunOptions.parse(Map.of()).describe();
        StringBuilder command = new StringBuilder("mvn gatling:test");
        options.forEach((name, value) -> {
            String text = value instanceof List<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                    : value == null ? "" : String.valueOf(value);
            boolean isDefault = defaults.containsKey(name) && text.equals(optionText(defaults.get(name)));
            if (name.equals("seed") || isDefault || text.isEmpty() || "embedded".equals(value)) {
                return;
            }
            command.append(" -D").append(name).append('=').append(shellWord(text));
        });
        return command.append(" -Dseed=").append(options.get("seed")).toString();
    }

    private static String optionText(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
    }

    private static String shellWord(String text) {
        return text.matches("[A-Za-z0-9_./:,=@%+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
