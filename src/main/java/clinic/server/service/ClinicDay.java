package clinic.server.service;

import java.util.Optional;

/** The days a clinic can take place on, in schedule order, with the key the API uses and the Korean name. */
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

    public static Optional<ClinicDay> fromKey(String key) {
        for (ClinicDay day : values()) {
            if (day.key.equals(key)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
