package clinic.simulation.options;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * Reads option values by name, with bounds and defaults, and collects one message per bad value. The
 * names it is asked for are the options there are, so a name nobody asked for that is one or two
 * keystrokes away from one of them is a typo.
 */
final class OptionReader {

    private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance();

    private final Map<String, String> values;
    private final Set<String> known = new LinkedHashSet<>();
    private final List<String> errors = new ArrayList<>();

    OptionReader(Map<String, String> values) {
        this.values = values;
    }

    void error(String message) {
        errors.add(message);
    }

    /** The trimmed value, or null when absent or blank. */
    String text(String name) {
        known.add(name);
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** True when the option was given at all. */
    boolean given(String name) {
        return text(name) != null;
    }

    <T> T parsed(String name, String defaultValue, Function<String, T> parser) {
        String value = text(name);
        if (value == null) {
            value = defaultValue;
        }
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            error(name + " must be a whole number, got '" + value + "'");
        } catch (IllegalArgumentException e) {
            error(name + ": " + e.getMessage());
        }
        return null;
    }

    int integer(String name, int defaultValue, int min, int max) {
        return bounded(name, defaultValue, min, max, Integer::parseInt, "a whole number");
    }

    double decimal(String name, double defaultValue, double min, double max) {
        return bounded(name, defaultValue, min, max, Double::parseDouble, "a number");
    }

    /** The option's value within [min, max]; a value out of range or unreadable is an error and gives the default. */
    private <T extends Comparable<T>> T bounded(
            String name, T defaultValue, T min, T max, Function<String, T> parse, String kind) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            T parsed = parse.apply(value);
            if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
                error(name + " must be " + kind + " between " + min + " and " + max + ", got " + value);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            error(name + " must be " + kind + ", got '" + value + "'");
            return defaultValue;
        }
    }

    boolean bool(String name, boolean defaultValue) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                error(name + " must be true or false, got '" + value + "'");
                yield defaultValue;
            }
        };
    }

    /** Every option name asked for so far. */
    Set<String> known() {
        return Set.copyOf(known);
    }

    /**
     * Refuses the given names that are not options but look like a mistyped one (a transposition, a
     * missing or extra letter, another case). Names with a dot belong to the JVM, Maven or Gatling.
     */
    void refuseTypos() {
        for (String name : values.keySet()) {
            if (name.contains(".") || known.contains(name)) {
                continue;
            }
            known.stream()
                    .filter(option -> looksLike(name, option))
                    .findFirst()
                    .ifPresent(option -> error("unknown option " + name + ": did you mean " + option + "?"));
        }
    }

    /** One edit away for short names, two for longer ones (so -Dtest does not look like reset). */
    private static boolean looksLike(String given, String option) {
        int allowed = option.length() <= 5 ? 1 : 2;
        return given.equalsIgnoreCase(option)
                || DISTANCE.apply(given.toLowerCase(Locale.ROOT), option.toLowerCase(Locale.ROOT)) <= allowed;
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid simulation options:\n  - " + String.join("\n  - ", errors));
        }
    }
}
