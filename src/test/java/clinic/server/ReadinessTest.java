package clinic.server;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.testsupport.ApiClient;
import clinic.testsupport.ContractText;
import clinic.testsupport.DatabaseTestBase;
import clinic.testsupport.Json;
import clinic.testsupport.RawHttp;
import clinic.testsupport.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ready means ready: the port is taken before the fixture loads (so a second server cannot wipe the
 * first one's data), but until the fixture is in, health and every other route answer 503 starting
 * with Retry-After; once health answers 200, the fixture's last student can log in.
 */
class ReadinessTest extends DatabaseTestBase {

    /**
     * A fixture whose load, at this hash strength, takes seconds on two idle cores: long enough that the
     * server is seen starting (166 to 382 answers 503 while it loaded, polled every 20 ms there), short enough
     * to finish well within the deadline on a busy shared machine (the largest fixture, 100,000 students, took
     * from 40 s to past the 90 s deadline there; 10,000 made this test a sixth of the unit tests' CPU).
     */
    private static final int STUDENTS = 3_000;

    private static final int FIXTURE_PASSWORD_ITERATIONS = 2_000;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final int MAX_POLLS = (int) (DEADLINE.toMillis() / POLL_INTERVAL.toMillis());
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void everyRouteAnswers503StartingUntilTheFixtureIsLoadedThenLoginsSucceed() throws Exception {
        String lastStudent = String.format("test_student_%02d", STUDENTS);
        byte[] health = RawHttp.request(Endpoint.HEALTH.method(), Endpoint.HEALTH.pathOnHost(), "", null);
        byte[] login = RawHttp.request(
                Endpoint.LOGIN.method(),
                Endpoint.LOGIN.pathOnHost(),
                "Content-Type: application/json\r\n",
                Json.write(Map.of(Field.USERNAME, lastStudent, Field.PASSWORD, ContractText.FIXTURE_PASSWORD))
                        .getBytes(StandardCharsets.UTF_8));
        int port = freeLoopbackPort();
        ServerConfig config = TestServer.baseConfig(database())
                .withPort(port)
                .withPasswordIterations(FIXTURE_PASSWORD_ITERATIONS)
                .withFixture(FixtureSpec.standard().withStudents(STUDENTS));
        ExecutorService starter = Executors.newSingleThreadExecutor();
        CompletableFuture<ReferenceServer> starting =
                CompletableFuture.supplyAsync(() -> ReferenceServer.start(config), starter);
        try {
            List<RawHttp.Answer> startingAnswers = new ArrayList<>();
            long end = System.nanoTime() + DEADLINE.toNanos();
            RawHttp.Answer ready = null;
            for (int poll = 0;
                    poll < MAX_POLLS && System.nanoTime() < end && !starting.isCompletedExceptionally();
                    poll++) {
                RawHttp.Answer healthAnswer = answerOrNull(port, health);
                if (healthAnswer != null && healthAnswer.status() == 200) {
                    ready = healthAnswer;
                    break;
                }
                if (healthAnswer != null) {
                    startingAnswers.add(healthAnswer);
                    RawHttp.Answer loginAnswer = answerOrNull(port, login);
                    assertThat(loginAnswer)
                            .as("a login while health answers %s", healthAnswer)
                            .isNotNull();
                    assertThat(loginAnswer.status())
                            .as("a login while starting: %s", loginAnswer)
                            .isIn(503, 200);
                    if (loginAnswer.status() == 503) {
                        startingAnswers.add(loginAnswer);
                    }
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            try (ReferenceServer server = starting.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                assertThat(ready).as("health answered 200 within %s", DEADLINE).isNotNull();
                assertThat(startingAnswers)
                        .as("answers while the fixture loaded")
                        .isNotEmpty();
                assertThat(startingAnswers).allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(503);
                    assertThat(Json.parse(answer.body())).isEqualTo(Json.object(Field.STATUS, "starting"));
                    assertThat(answer.header("Retry-After")).isEqualTo("1");
                });
                assertThat(Json.parse(ready.body()).path(Field.USER_COUNT).asLong())
                        .isGreaterThanOrEqualTo(STUDENTS);
                new ApiClient(server.baseUrl()).login(lastStudent, ContractText.FIXTURE_PASSWORD);
            }
        } finally {
            // a failed assertion above must not leave the server running once its start ends
            starting.thenAccept(ReferenceServer::close);
            starter.shutdown();
        }
    }

    /** The answer, or null while nothing listens on the port yet. */
    private static RawHttp.Answer answerOrNull(int port, byte[] request) {
        try {
            return RawHttp.exchange(port, request, false, READ_TIMEOUT);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
