package clinic.contract;

/**
 * The contract's endpoints, each with its method and path under the API's base URL
 * ({@code http://HOST:PORT/api}). Paths end with {@code /} as production's do. Shared by the reference
 * server's routes, the load test's requests and the tests.
 */
public enum Endpoint {
    HEALTH("GET", "/health/", false),
    REGISTER("POST", "/auth/register/", false),
    LOGIN("POST", "/auth/login/", false),
    WEEKLY_SCHEDULE("GET", "/clinics/weekly-schedule/", true),
    RESERVE("POST", "/clinics/reserve/", true),
    CANCEL_RESERVATION("POST", "/clinics/cancel-reservation/", true);

    /** Where the API lives on its host: the base URL ends with it. */
    public static final String API_PREFIX = "/api";
    /** The authorization header's scheme: {@code Authorization: Token <key>}; Bearer is not accepted. */
    public static final String TOKEN_SCHEME = "Token ";

    private final String method;
    private final String path;
    private final boolean authenticated;

    Endpoint(String method, String path, boolean authenticated) {
        this.method = method;
        this.path = path;
        this.authenticated = authenticated;
    }

    public String method() {
        return method;
    }

    /** The path under the base URL, e.g. {@code /clinics/reserve/}. */
    public String path() {
        return path;
    }

    /** The path on the host, e.g. {@code /api/clinics/reserve/}. */
    public String pathOnHost() {
        return API_PREFIX + path;
    }

    /** Whether the endpoint needs {@code Authorization: Token <key>}. */
    public boolean authenticated() {
        return authenticated;
    }
}
