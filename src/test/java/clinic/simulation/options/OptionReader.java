package clinic.simulation.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * Reads option values, with bounds and defaults, and collects one message per bad value, so that every
 * problem of a command line is named before any load. A given name that is not an {@link Option} but one
 * or two keystrokes away from one is a typo.
 */
public final class OptionReader {

    private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance();

    private final Map<String, String> values;
    private final List<String> errors = new ArrayList<>();

    public OptionReader(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The JVM's system properties (the Gatling Maven plugin forwards {@code -D} values). */
    public static OptionReader ofSystemProperties() {
        Properties properties = System.getProperties();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return new OptionReader(values);
    }

    public void error(String message) {
        errors.add(message);
    }

    /** The trimmed value, or null when absent or blank. */
    public String text(Option option) {
        String value = values.get(option.key());
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** True when the option was given at all. */
    public boolean given(Option option) {
        return text(option) != null;
    }

    /** The value read by {@code parser}, the default when absent; null when absent without default or bad. */
    public <T> T parsed(Option option, String defaultValue, Function<String, T> parser) {
        String value = text(option);
        if (value == null) {
            value = defaultValue;
        }
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            error(option + " must be a whole number, got '" + value + "'");
        } catch (IllegalArgumentException e) {
            error(option + ": " + e.getMessage());
        }
        return null;
    }

    public int integer(Option option, int defaultValue, int min, int max) {
        return bounded(option, defaultValue, min, max, Integer::parseInt, "a whole number");
    }

    /** The option's whole number within [min, max] when given; null when not, where its absence means something. */
    public Integer integerIfGiven(Option option, int min, int max) {
        return given(option) ? integer(option, min, min, max) : null;
    }

    public double decimal(Option option, double defaultValue, double min, double max) {
        return bounded(option, defaultValue, min, max, Double::parseDouble, "a number");
    }

    /** The option's value within [min, max]; a value out of range or unreadable is an error and gives the default. */
    private <T extends Comparable<T>> T bounded(
            Option option, T defaultValue, T min, T max, Function<String, T> parse, String kind) {
        String value = text(option);
        if (value == null) {
            return defaultValue;
        }
        try {
            T parsed = parse.apply(value);
            if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
                error(option + " must be " + kind + " between " + min + " and " + max + ", got " + value);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            error(option + " must be " + kind + ", got '" + value + "'");
            return defaultValue;
        }
    }

    public boolean bool(Option option, boolean defaultValue) {
        String value = text(option);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                error(option + " must be true or false, got '" + value + "'");
                yield defaultValue;
            }
        };
    }

    /**
     * Throws {@link IllegalArgumentException} naming every bad value and every given name that looks like a
     * mistyped option (a transposition, a missing or extra letter, another case). Names with a dot belong
     * to the JVM, Maven or Gatling.
     */
    public void throwIfInvalid() {
        List<String> problems = new ArrayList<>(errors);
        for (String name : values.keySet()) {
            if (name.contains(".") || isOption(name)) {
                continue;
            }
            for (Option option : Option.values()) {
                if (looksLike(name, option.key())) {
                    problems.add("unknown option " + name + ": did you mean " + option + "?");
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid simulation options:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static boolean isOption(String name) {
        for (Option option : Option.values()) {
            if (option.key().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** One edit away for short names, two for longer ones (so -Dtest does not look like reset). */
    private static boolean looksLike(String given, String option) {
        int allowed = option.length() <= 5 ? 1 : 2;
        return given.equalsIgnoreCase(option)
                || DISTANCE.apply(given.toLowerCase(Locale.ROOT), option.toLowerCase(Locale.ROOT)) <= allowed;
    }
}
