package clinic.server.api;

import static clinic.testsupport.ContractText.INVALID_TOKEN;
import static clinic.testsupport.ContractText.NO_CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FixtureSpec;
import clinic.server.ServerConfig;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.Json;
import clinic.testsupport.ServerTestBase;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input of every kind gets a specific 4xx and leaves every table exactly as it was; routing errors
 * answer JSON. The rate limit is off here so that many bad requests of one student all reach the checks.
 */
class BadInputTest extends ServerTestBase {

    /** One byte more than the server's 64 KiB body limit allows. */
    private static final int OVERSIZED_BODY = 64 * 1024 + 1;

    private TestStudent student;
    private long clinicId;

    @Override
    protected ServerConfig configure(ServerConfig config) {
        return config.withRateLimit(0, Duration.ofSeconds(60))
                .withFixture(new FixtureSpec(true, true, FixtureSpec.DEFAULT_CAPACITY, 0, false));
    }

    @Override
    protected void afterServerStart() {
        student = newStudent();
        clinicId = server().server().fixtureReport().clinics().get(0).id();
    }

    /** Raw reserve bodies that are not a JSON object of two positive integer ids, and the field at fault. */
    static Stream<Arguments> invalidReserveBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"user_id\": %1$d, \"clinic_id\": ", ""),
                Arguments.of("a JSON array", "[%1$d, %2$d]", ""),
                Arguments.of("a JSON string", "\"%1$d %2$d\"", ""),
                Arguments.of("a JSON number", "%1$d", ""),
                Arguments.of("user id as string", "{\"user_id\": \"%1$d\", \"clinic_id\": %2$d}", "user_id"),
                Arguments.of("clinic id as string", "{\"user_id\": %1$d, \"clinic_id\": \"%2$d\"}", "clinic_id"),
                Arguments.of("float id", "{\"user_id\": %1$d, \"clinic_id\": 1.5}", "clinic_id"),
                Arguments.of("negative id", "{\"user_id\": %1$d, \"clinic_id\": -%2$d}", "clinic_id"),
                Arguments.of("zero id", "{\"user_id\": 0, \"clinic_id\": %2$d}", "user_id"),
                Arguments.of(
                        "id beyond a long", "{\"user_id\": %1$d, \"clinic_id\": 9223372036854775808}", "clinic_id"),
                Arguments.of("huge id", "{\"user_id\": 1e400, \"clinic_id\": %2$d}", "user_id"),
                Arguments.of("boolean id", "{\"user_id\": true, \"clinic_id\": %2$d}", "user_id"),
                Arguments.of("object id", "{\"user_id\": %1$d, \"clinic_id\": {\"id\": %2$d}}", "clinic_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReserveBodies")
    void invalidReserveBodyIs400InvalidRequestAndWritesNothing(String what, String template, String field) {
        String body = String.format(template, student.id(), clinicId);
        JsonNode answer = unchangedTablesAfter(() -> api().post("/clinics/reserve/")
                        .token(student.token())
                        .body(body)
                        .send())
                .expect(400);
        assertThat(answer.path("error").asText()).as("%s: %s", what, answer).isEqualTo("invalid_request");
        assertThat(answer.path("message").asText())
                .as("%s: %s", what, answer)
                .isNotBlank()
                .contains(field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/auth/register/", "/auth/login/"})
    void malformedJsonOnRegisterAndLoginIs400InvalidRequestAndWritesNothing(String path) {
        for (String body : new String[] {"{\"username\": \"x\", ", "[\"x\", \"y\"]"}) {
            JsonNode answer = unchangedTablesAfter(
                            () -> api().post(path).body(body).send())
                    .expect(400);
            assertThat(answer.path("error").asText()).as("%s %s", path, body).isEqualTo("invalid_request");
        }
    }

    @Test
    void missingTokenIs401AndWritesNothing() {
        unchangedTablesAfter(() ->
                        api().post("/clinics/reserve/").json(validReservation()).send())
                .expect(401, Json.object("detail", NO_CREDENTIALS));
    }

    @Test
    void bearerTokenIs401AndWritesNothing() {
        unchangedTablesAfter(() -> api().post("/clinics/reserve/")
                        .authorization("Bearer " + student.token())
                        .json(validReservation())
                        .send())
                .expect(401, Json.object("detail", INVALID_TOKEN));
    }

    @Test
    void staleTokenIs401AndWritesNothing() {
        TestStudent other = newStudent();
        api().login(other.username(), other.password());
        unchangedTablesAfter(() -> api().reserve(other.token(), other.id(), clinicId))
                .expect(401, Json.object("detail", INVALID_TOKEN));
    }

    @Test
    void anotherUsersIdIs403AndWritesNothing() {
        TestStudent other = newStudent();
        JsonNode answer = unchangedTablesAfter(() -> api().reserve(other.token(), student.id(), clinicId))
                .expect(403);
        assertThat(answer.path("error").asText()).isEqualTo("forbidden");
    }

    /** A body that would book a seat if it were read, padded past the limit. */
    @Test
    void oversizedReserveBodyIs413JsonAndWritesNothing() {
        String padded =
                Json.write(Map.of("user_id", student.id(), "clinic_id", clinicId, "note", "x".repeat(OVERSIZED_BODY)));
        ApiResponse answer = unchangedTablesAfter(() -> api().post("/clinics/reserve/")
                .token(student.token())
                .body(padded)
                .send());
        assertThat(answer.expect(413).isObject()).isTrue();
    }

    @Test
    void oversizedRegisterBodyIs413JsonAndWritesNothing() {
        String padded = Json.write(Map.of(
                "username", uniqueUsername("big"), "password", STUDENT_PASSWORD, "name", "x".repeat(OVERSIZED_BODY)));
        ApiResponse answer = unchangedTablesAfter(
                () -> api().post("/auth/register/").body(padded).send());
        assertThat(answer.expect(413).isObject()).isTrue();
    }

    @Test
    void unknownRoutesAre404Json() {
        for (String path : new String[] {"/no-such-endpoint/", "/clinics/", "/clinics/reserve/extra/"}) {
            ApiResponse answer = api().get(path).token(student.token()).send();
            assertThat(answer.expect(404).isObject()).as(path).isTrue();
            assertThat(answer.contentType()).as(path).startsWith("application/json");
        }
    }

    @Test
    void wrongMethodsAre405Json() {
        ApiResponse[] answers = {
            api().get("/clinics/reserve/").token(student.token()).send(),
            api().post("/health/").json(Map.of()).send(),
            api().call("DELETE", "/auth/login/").send(),
            api().call("PUT", "/clinics/weekly-schedule/")
                    .token(student.token())
                    .json(Map.of())
                    .send()
        };
        for (ApiResponse answer : answers) {
            assertThat(answer.expect(405).isObject()).as(answer.request()).isTrue();
            assertThat(answer.contentType()).as(answer.request()).startsWith("application/json");
        }
    }

    @Test
    void pathsWithoutTheTrailingSlashWorkToo() {
        api().get("/health").send().expect(200);
        api().get("/clinics/weekly-schedule").token(student.token()).send().expect(200);
        TestStudent other = newStudent();
        api().post("/clinics/reserve")
                .token(other.token())
                .json(Map.of("user_id", other.id(), "clinic_id", clinicId))
                .send()
                .expect(200);
    }

    private Map<String, Object> validReservation() {
        return Map.of("user_id", student.id(), "clinic_id", clinicId);
    }

    private ApiResponse unchangedTablesAfter(Supplier<ApiResponse> request) {
        Map<String, Long> before = sql().rowCountsOfEveryTable();
        ApiResponse answer = request.get();
        assertThat(sql().rowCountsOfEveryTable())
                .as("row counts after %s -> %s", answer.request(), answer.body())
                .isEqualTo(before);
        return answer;
    }
}
