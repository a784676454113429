package clinic.simulation.scenario;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stressPeakUsers;
import static io.gatling.javaapi.http.HttpDsl.http;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the harness takes from Gatling's internals still works as it relies on: a Gatling upgrade that
 * changes one of them fails here, named, rather than as a garbled Errors table or a hung rendezvous.
 */
class GatlingInternalsTest {

    private static final String JUDGEMENT = "판정";
    private static final String PORT_PROPERTY = "gatlingInternalsTest.port";
    private static final String FAILURE_PROPERTY = "gatlingInternalsTest.failure";

    @Test
    void anInjectionCountsItsUsersAndHowLongTheyTakeToArrive() {
        assertThat(GatlingInternals.users(atOnceUsers(3), rampUsers(4).during(2)))
                .isEqualTo(7);
        assertThat(GatlingInternals.arrivals(atOnceUsers(3), rampUsers(4).during(2)))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(GatlingInternals.users(constantUsersPerSec(5).during(4))).isEqualTo(20);
        assertThat(GatlingInternals.users(stressPeakUsers(10).during(3))).isEqualTo(10);
    }

    /** A run's requests judged by the adapter's check: the Errors table reads the judgement and our words. */
    public static final class JudgedRequests extends Simulation {
        {
            setUp(scenario("judged")
                            .exec(http("request")
                                    .get("/")
                                    .check(GatlingInternals.judged(
                                            JUDGEMENT, session -> System.getProperty(FAILURE_PROPERTY))))
                            .injectOpen(atOnceUsers(1)))
                    .protocols(http.baseUrl("http://127.0.0.1:" + System.getProperty(PORT_PROPERTY)));
        }
    }

    @Test
    void aJudgedFailureIsTheErrorsTableRowWordForWordUpToTheRoomGatlingKeeps(@TempDir Path results) throws IOException {
        String reason = "정상 거절 OCCUPIED: ";
        String fits = reason + "x".repeat(GatlingInternals.failureRoom(JUDGEMENT) - reason.length());

        assertThat(GatlingInternals.failureRoom(JUDGEMENT)).isBetween(50, 10_000);
        assertThat(fits).hasSize(GatlingInternals.failureRoom(JUDGEMENT));
        String errors = errorsOfARunFailingWith(fits + "CUT", results);

        assertThat(errors).isEqualTo("> " + JUDGEMENT + ", " + fits);
    }

    /**
     * The Errors section of Gatling's console output of one run against a local server, its check failing
     * with {@code failure}: the one error's message, unwrapped, without its count.
     */
    private static String errorsOfARunFailingWith(String failure, Path results) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.getAddress().getPort()));
        System.setProperty(FAILURE_PROPERTY, failure);
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", JudgedRequests.class.getName(),
                "--results-folder", results.toString(),
                "--no-reports"
            });
        } finally {
            System.setOut(console);
            System.clearProperty(PORT_PROPERTY);
            System.clearProperty(FAILURE_PROPERTY);
            server.stop(0);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        String errors = output.substring(output.indexOf('\n', output.indexOf("---- Errors")) + 1);
        // the console prints the count after the message's first line and wraps the rest below
        return errors.substring(0, errors.indexOf("\n\n"))
                .replaceFirst("\\s+1\\s+\\(100%\\)\\R", "")
                .strip();
    }
}
