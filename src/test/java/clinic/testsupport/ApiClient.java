package clinic.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A small JSON client of the clinic API on {@link HttpClient}, with bounded connect and request times.
 * It remembers every answer whose body shows server internals (stack traces, exception names, SQL), so a
 * test can assert that none leaked.
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Signs of internals that must never reach a client. */
    private static final List<String> LEAK_MARKERS = List.of(
            "Exception",
            "SQLState",
            "SELECT ",
            "INSERT INTO",
            "UPDATE ",
            "DELETE FROM",
            "at clinic.",
            "\tat ",
            "Caused by",
            "org.h2.",
            "org.postgresql.",
            "jdbc:");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final String baseUrl;
    private final Queue<ApiResponse> leakingResponses = new ConcurrentLinkedQueue<>();

    /** @param baseUrl e.g. {@code http://127.0.0.1:8000/api} */
    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    /** A request to one of the contract's endpoints, with its method and path. */
    public Call call(Endpoint endpoint) {
        return new Call(endpoint.method(), endpoint.path());
    }

    /** Registers a student through the API and returns the new id; fails unless 201. */
    public long register(String username, String password, String name) {
        JsonNode body = call(Endpoint.REGISTER)
                .json(Map.of(
                        Field.USERNAME,
                        username,
                        Field.PASSWORD,
                        password,
                        Field.PASSWORD_CONFIRM,
                        password,
                        Field.NAME,
                        name))
                .send()
                .expect(201);
        return body.get(Field.ID).asLong();
    }

    /** Logs in and returns the token; fails unless 200. */
    public String login(String username, String password) {
        return loginAnswer(username, password).expect(200).get(Field.TOKEN).asText();
    }

    /** Logs in an account that exists and returns it with its token; fails unless 200. */
    public TestStudent logIn(String username, String password) {
        JsonNode user = loginAnswer(username, password).expect(200);
        return new TestStudent(
                user.path(Field.USER).path(Field.ID).asLong(),
                username,
                password,
                user.path(Field.USER).path(Field.NAME).asText(),
                user.path(Field.TOKEN).asText());
    }

    /** The answer to a login, whatever it is. */
    public ApiResponse loginAnswer(String username, String password) {
        return call(Endpoint.LOGIN)
                .json(Map.of(Field.USERNAME, username, Field.PASSWORD, password))
                .send();
    }

    /** A reservation request for {@code userId} at {@code clinicId}, made with {@code token}. */
    public ApiResponse reserve(String token, long userId, long clinicId) {
        return call(Endpoint.RESERVE)
                .token(token)
                .json(Map.of(Field.USER_ID, userId, Field.CLINIC_ID, clinicId))
                .send();
    }

    public ApiResponse weeklySchedule(String token) {
        return call(Endpoint.WEEKLY_SCHEDULE).token(token).send();
    }

    /** True when an answer's body shows a stack trace, an exception name or SQL. */
    public static boolean showsInternals(String body) {
        return LEAK_MARKERS.stream().anyMatch(body::contains);
    }

    /** Asserts that no answer since the last call showed internals, and starts a new period. */
    public void assertNoLeaks() {
        List<ApiResponse> leaks = List.copyOf(leakingResponses);
        leakingResponses.clear();
        assertThat(leaks)
                .as("answers showing a stack trace, an exception or SQL (markers %s)", LEAK_MARKERS)
                .isEmpty();
    }

    /** One request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private String authorization;
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** {@code Authorization: Token <key>} */
        public Call token(String key) {
            return authorization(Endpoint.TOKEN_SCHEME + key);
        }

        /** Any Authorization header value, e.g. {@code Bearer <key>}. */
        public Call authorization(String headerValue) {
            this.authorization = headerValue;
            return this;
        }

        public Call json(Object value) {
            return body(Json.write(value));
        }

        /** A raw body, sent as {@code application/json} whatever it holds. */
        public Call body(String raw) {
            this.body = raw;
            return this;
        }

        public ApiResponse send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " interrupted", e);
            }
            ApiResponse answer = new ApiResponse(
                    method + " " + path,
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
            if (showsInternals(answer.body())) {
                leakingResponses.add(answer);
            }
            return answer;
        }
    }
}
