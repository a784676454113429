package clinic.simulation.backend;

import clinic.contract.Endpoint;
import clinic.simulation.answers.SimulationJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP client for the steps around the load (reachability, BEFORE snapshot): these are not
 * load and must not appear in Gatling's statistics.
 */
final class TargetClient {

    /** An HTTP answer. */
    record Answer(int status, String body) {}

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient client;

    TargetClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    String url(String path) {
        return baseUrl + path;
    }

    Answer get(String path, String token) throws IOException {
        return send(request(path, token).GET());
    }

    Answer post(String path, Map<String, Object> body) throws IOException {
        return post(path, body, null);
    }

    Answer post(String path, Map<String, Object> body, String token) throws IOException {
        return send(request(path, token)
                .POST(HttpRequest.BodyPublishers.ofString(SimulationJson.write(body)))
                .header("Content-Type", "application/json"));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url(path))).timeout(timeout).header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", Endpoint.TOKEN_SCHEME + token);
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(
                    "interrupted while waiting for " + request.build().uri(), e);
        }
    }
}
