package clinic.simulation.options;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The backend under load and how to reach and prepare it.
 *
 * @param baseUrl the API ({@code http://127.0.0.1:8000/api}), without a final slash; null for the embedded
 *     reference server
 * @param confirmTarget the host the user confirmed as the target when it is not this machine; null when not given
 * @param requestTimeoutSeconds bounds every request of the run, Gatling's and the harness's own: a slow
 *     answer is measured up to this long, a stuck backend cannot hang a student, the rendezvous or the run
 * @param setupCommand external only: run before the checks (fresh clinics, the students' accounts)
 * @param register false when the setup already made the students' accounts: the run logs them in without registering
 */
public record TargetOptions(
        String baseUrl,
        String confirmTarget,
        int requestTimeoutSeconds,
        String setupCommand,
        int setupTimeoutSeconds,
        boolean register) {

    /** Gatling's own default request timeout. */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;

    static TargetOptions read(OptionReader reader) {
        return new TargetOptions(
                baseUrl(reader),
                reader.text(Option.CONFIRM_TARGET),
                reader.integer(Option.REQUEST_TIMEOUT_SECONDS, DEFAULT_REQUEST_TIMEOUT_SECONDS, 1, 3600),
                reader.text(Option.SETUP_COMMAND),
                reader.integer(Option.SETUP_TIMEOUT_SECONDS, 300, 1, 3600),
                reader.bool(Option.REGISTER, true));
    }

    private static String baseUrl(OptionReader reader) {
        String value = reader.text(Option.BASE_URL);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                reader.error("baseUrl must be an http(s) URL such as http://127.0.0.1:8000/api, got '" + value + "'");
                return null;
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        } catch (URISyntaxException e) {
            reader.error("baseUrl is not a valid URL: " + e.getMessage());
            return null;
        }
    }

    /** True for the embedded reference server, started and stopped by the run. */
    public boolean embedded() {
        return baseUrl == null;
    }

    public Duration requestTimeout() {
        return Duration.ofSeconds(requestTimeoutSeconds);
    }

    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put(Option.BASE_URL.key(), embedded() ? "embedded" : baseUrl);
        described.put(Option.REGISTER.key(), register);
        if (!embedded()) {
            described.put(Option.SETUP_COMMAND.key(), setupCommand);
            described.put(Option.CONFIRM_TARGET.key(), confirmTarget);
        }
        described.put(Option.REQUEST_TIMEOUT_SECONDS.key(), requestTimeoutSeconds);
        return described;
    }
}
