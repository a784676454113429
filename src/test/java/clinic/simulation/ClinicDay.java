package clinic.simulation;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A day key of the weekly schedule ({@code mon}) with the Korean name the original tool prints. */
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

    public static ClinicDay fromKey(String key) {
        for (ClinicDay day : values()) {
            if (day.key.equals(key)) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + key + "' (expected one of: " + allKeys() + ")");
    }

    static String allKeys() {
        return Arrays.stream(values()).map(ClinicDay::key).collect(Collectors.joining(", "));
    }
}
