package clinic.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FixtureSpec;
import clinic.server.ServerConfig;
import clinic.testsupport.ApiClient;
import clinic.testsupport.Json;
import clinic.testsupport.RawHttp;
import clinic.testsupport.ServerTestBase;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The property behind "bad input never means 500": for thousands of generated malformed requests
 * ({@link MalformedRequests}: damaged bodies, headers, framing, paths and methods of every endpoint),
 * every answer is a JSON 2xx-4xx without internals, and no table changes unless a 2xx said it did.
 * Bounded by a count and a time budget per database; the seed is printed with any failure and
 * {@code -Dclinic.badinput.seed=N} repeats the sequence.
 */
class MalformedRequestPropertyTest extends ServerTestBase {

    private static final int MAX_CASES = 3_000;
    /** Fewer than this many cases within the budget means the run proved too little: a failure. */
    private static final int MIN_CASES = 500;

    /** Jetty's default limit of a request's head; larger requests may be refused before they are read. */
    private static final int LARGEST_HEADER_BYTES = 8 * 1024;

    private static final Duration BUDGET = Duration.ofSeconds(15);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final long SEED = Long.getLong("clinic.badinput.seed", new SecureRandom().nextLong());

    private TestStudent student;
    private long clinicId;

    @Override
    protected ServerConfig configure(ServerConfig config) {
        return config.withRateLimit(0, Duration.ofSeconds(60))
                .withFixture(FixtureSpec.standard().withStudents(1));
    }

    @Override
    protected void afterServerStart() {
        student = newStudent();
        clinicId = server().server().fixtureReport().clinics().get(0).id();
    }

    @Test
    void malformedRequestsGetJson4xxWithoutInternalsAndWriteNothingUnlessAnswered2xx() {
        MalformedRequests requests = new MalformedRequests(new Random(SEED), student.token(), student.id(), clinicId);
        int port = server().server().port();
        List<String> violations = new ArrayList<>();
        Map<String, Long> rows = sql().rowCountsOfEveryTable();
        long end = System.nanoTime() + BUDGET.toNanos();
        int cases = 0;
        while (cases < MAX_CASES && System.nanoTime() < end && violations.size() < 10) {
            MalformedRequests.Case request = requests.next();
            RawHttp.Answer answer = RawHttp.exchange(port, request.bytes(), true, READ_TIMEOUT);
            Map<String, Long> rowsAfter = sql().rowCountsOfEveryTable();
            String violation = violation(request, answer, !rowsAfter.equals(rows));
            if (violation != null) {
                violations.add("case " + cases + " (" + request.description() + "): " + violation + "; rows " + rows
                        + " -> " + rowsAfter + "; body " + answer.body());
            }
            rows = rowsAfter;
            cases++;
        }
        assertThat(violations)
                .as("answers to malformed requests, seed %d (repeat with -Dclinic.badinput.seed=%d)", SEED, SEED)
                .isEmpty();
        assertThat(cases)
                .as("malformed requests sent within %s, seed %d", BUDGET, SEED)
                .isGreaterThanOrEqualTo(MIN_CASES);
    }

    /** What is wrong with one answer, or null. */
    private static String violation(MalformedRequests.Case request, RawHttp.Answer answer, boolean rowsChanged) {
        int status = answer.status();
        if (status == 0 && answer.cutOff() && request.bytes().length > LARGEST_HEADER_BYTES) {
            // refused unread (431, 413) and closed: the unread bytes reset the connection, answer and all
            return null;
        }
        if (status <= 0) {
            return status == 0 ? "connection closed without an answer" : "no answer within " + READ_TIMEOUT;
        }
        if (status >= 500) {
            return "status " + status;
        }
        if (rowsChanged && status >= 300) {
            return "tables changed although answered " + status;
        }
        if (ApiClient.showsInternals(answer.body())) {
            return "the body shows internals";
        }
        if (request.method().equals("HEAD")) {
            return null;
        }
        if (!answer.header("Content-Type").startsWith("application/json")) {
            return "status " + status + " with Content-Type '" + answer.header("Content-Type") + "'";
        }
        try {
            Json.MAPPER.readTree(answer.body());
        } catch (JsonProcessingException e) {
            return "status " + status + " with a body that is not JSON";
        }
        return null;
    }
}
