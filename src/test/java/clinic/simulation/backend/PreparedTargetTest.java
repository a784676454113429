package clinic.simulation.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.options.RunOptions;
import clinic.simulation.scenario.StudentAccount;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PreparedTargetTest {

    private static final String HTML_404 = "<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>";

    /**
     * A real HTTP server on loopback that is not the clinic API: every path answers as {@code answer}
     * says, with the status and the body it returns.
     */
    private static HttpServer otherApplication(Function<String, Map.Entry<Integer, String>> answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map.Entry<Integer, String> reply =
                    answer.apply(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = reply.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.getKey(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static PreparedTarget prepareAgainst(HttpServer server) {
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
        return PreparedTarget.prepare(
                RunOptions.parse(Map.of("baseUrl", baseUrl, "requestTimeoutSeconds", "5")), StudentAccount.load(1));
    }

    @Test
    void aTargetAnsweringPagesIsNamedAsNotThisApi() throws IOException {
        HttpServer server = otherApplication(request -> Map.entry(404, HTML_404));
        try {
            assertThatThrownBy(() -> prepareAgainst(server))
                    .isInstanceOf(NotReadyException.class)
                    .hasMessageStartingWith("❌ 대상이 클리닉 예약 API가 아닙니다: http://127.0.0.1:"
                            + server.getAddress().getPort() + "/api (GET /health/ → HTTP 404, HTML, GET "
                            + "/clinics/weekly-schedule/ (토큰 없이) → HTTP 404, HTML)\n   - -DbaseUrl 은 API의 주소입니다");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aLoginThatIsNotTheContractsIsNamedAsNotThisApiNotAsMissingStudents() throws IOException {
        HttpServer server = otherApplication(request -> request.startsWith("GET /api/health/")
                ? Map.entry(200, "{\"status\":\"healthy\"}")
                : Map.entry(501, "Not Implemented"));
        try {
            assertThatThrownBy(() -> prepareAgainst(server))
                    .isInstanceOf(NotReadyException.class)
                    .hasMessageContaining("대상이 클리닉 예약 API가 아닙니다")
                    .hasMessageContaining("(POST /auth/login/ → HTTP 501, JSON 아님)")
                    .hasMessageNotContaining("로그인 실패");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aConnectExceptionWithoutMessageIsSpelledOut() {
        IOException failure = new IOException(null, new ConnectException());

        assertThat(PreparedTarget.cause(failure))
                .isEqualTo("ConnectException: connection refused (nothing listens on that host and port)");
    }

    @Test
    void theFirstMessageOfTheCauseChainIsKept() {
        IOException failure = new IOException(null, new ConnectException("Connection refused"));

        assertThat(PreparedTarget.cause(failure)).isEqualTo("ConnectException: Connection refused");
    }
}
