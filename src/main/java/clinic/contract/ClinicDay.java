package clinic.contract;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The days a clinic can take place on, in the schedule's order, with the key the API uses ({@code mon})
 * and the Korean name it answers and the original tool prints ({@code 월요일}). Shared by the reference
 * server and the load test: both speak the same contract.
 */
public enum ClinicDay {
    MON("mon", "월요일"),
    TUE("tue", "화요일"),
    WED("wed", "수요일"),
    THU("thu", "목요일"),
    FRI("fri", "금요일"),
    SAT("sat", "토요일"),
    SUN("sun", "일요일");

    private final String key;
    private final String koreanName;

    ClinicDay(String key, String koreanName) {
        this.key = key;
        this.koreanName = koreanName;
    }

    public String key() {
        return key;
    }

    public String koreanName() {
        return koreanName;
    }

    public static Optional<ClinicDay> find(String key) {
        return Arrays.stream(values()).filter(day -> day.key.equals(key)).findFirst();
    }

    /** The day of {@code key}; an unknown key is an error that lists the valid ones. */
    public static ClinicDay fromKey(String key) {
        return find(key)
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown day '" + key + "' (expected one of: " + allKeys() + ")"));
    }

    /**
     * The days of a comma-separated list ({@code mon,wed}) or {@code all}, in the week's order, each once;
     * an unknown or empty entry is an error that lists the valid ones.
     */
    public static List<ClinicDay> listOf(String keys) {
        if (keys.trim().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        Set<ClinicDay> days = EnumSet.noneOf(ClinicDay.class);
        for (String key : keys.split(",", -1)) {
            String trimmed = key.trim().toLowerCase(Locale.ROOT);
            days.add(find(trimmed)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown day '" + trimmed + "' (expected one of: " + allKeys() + ", or all)")));
        }
        return List.copyOf(days);
    }

    /** {@code 월요일, 수요일}: how the console names several days. */
    public static String koreanNames(List<ClinicDay> days) {
        return days.stream().map(ClinicDay::koreanName).collect(Collectors.joining(", "));
    }

    public static String allKeys() {
        return Arrays.stream(values()).map(ClinicDay::key).collect(Collectors.joining(", "));
    }
}
