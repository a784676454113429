package clinic.server.api;

import static clinic.contract.AccountMessage.INVALID_TOKEN;
import static clinic.contract.AccountMessage.NO_CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.contract.ReservationError;
import clinic.server.FixtureSpec;
import clinic.server.ServerConfig;
import clinic.server.http.ApiServer;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.ContractText;
import clinic.testsupport.Json;
import clinic.testsupport.RawHttp;
import clinic.testsupport.ServerTestBase;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind gets a specific 4xx and leaves every table exactly as it was; routing errors
 * answer JSON. The rate limit is off here so that many bad requests of one student all reach the checks.
 */
class BadInputTest extends ServerTestBase {

    private static final String INVALID_REQUEST = ReservationError.INVALID_REQUEST.error();

    private static final Duration RAW_READ_TIMEOUT = Duration.ofSeconds(10);

    /** One byte more than the server's 64 KiB body limit allows. */
    private static final int OVERSIZED_BODY = 64 * 1024 + 1;

    private TestStudent student;
    private long clinicId;

    @Override
    protected ServerConfig configure(ServerConfig config) {
        return config.withRateLimit(0, Duration.ofSeconds(60))
                .withFixture(FixtureSpec.standard().withStudents(0));
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
        JsonNode answer = unchangedTablesAfter(() -> api().call(Endpoint.RESERVE)
                        .token(student.token())
                        .body(body)
                        .send())
                .expect(400);
        assertThat(answer.path(Field.ERROR).asText()).as("%s: %s", what, answer).isEqualTo(INVALID_REQUEST);
        assertThat(answer.path(Field.MESSAGE).asText())
                .as("%s: %s", what, answer)
                .isNotBlank()
                .contains(field);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Endpoint.class,
            names = {"REGISTER", "LOGIN"})
    void malformedJsonOnRegisterAndLoginIs400InvalidRequestAndWritesNothing(Endpoint endpoint) {
        for (String body : new String[] {"{\"username\": \"x\", ", "[\"x\", \"y\"]"}) {
            JsonNode answer = unchangedTablesAfter(
                            () -> api().call(endpoint).body(body).send())
                    .expect(400);
            assertThat(answer.path(Field.ERROR).asText())
                    .as("%s %s", endpoint, body)
                    .isEqualTo(INVALID_REQUEST);
        }
    }

    @Test
    void missingTokenIs401AndWritesNothing() {
        unchangedTablesAfter(() ->
                        api().call(Endpoint.RESERVE).json(validReservation()).send())
                .expect(401, Json.object(Field.DETAIL, NO_CREDENTIALS));
    }

    @Test
    void bearerTokenIs401AndWritesNothing() {
        unchangedTablesAfter(() -> api().call(Endpoint.RESERVE)
                        .authorization("Bearer " + student.token())
                        .json(validReservation())
                        .send())
                .expect(401, Json.object(Field.DETAIL, INVALID_TOKEN));
    }

    @Test
    void staleTokenIs401AndWritesNothing() {
        TestStudent other = newStudent();
        api().login(other.username(), other.password());
        unchangedTablesAfter(() -> api().reserve(other.token(), other.id(), clinicId))
                .expect(401, Json.object(Field.DETAIL, INVALID_TOKEN));
    }

    @Test
    void anotherUsersIdIs403AndWritesNothing() {
        TestStudent other = newStudent();
        JsonNode answer = unchangedTablesAfter(() -> api().reserve(other.token(), student.id(), clinicId))
                .expect(403);
        assertThat(answer.path(Field.ERROR).asText()).isEqualTo(ReservationError.FORBIDDEN.error());
    }

    /** A body that would book a seat if it were read, padded past the limit. */
    @Test
    void oversizedReserveBodyIs413JsonAndWritesNothing() {
        String padded = Json.write(
                Map.of(Field.USER_ID, student.id(), Field.CLINIC_ID, clinicId, "note", "x".repeat(OVERSIZED_BODY)));
        ApiResponse answer = unchangedTablesAfter(() ->
                api().call(Endpoint.RESERVE).token(student.token()).body(padded).send());
        assertThat(answer.expect(413).isObject()).isTrue();
    }

    @Test
    void oversizedRegisterBodyIs413JsonAndWritesNothing() {
        String padded = Json.write(Map.of(
                Field.USERNAME,
                uniqueUsername("big"),
                Field.PASSWORD,
                STUDENT_PASSWORD,
                Field.NAME,
                "x".repeat(OVERSIZED_BODY)));
        ApiResponse answer = unchangedTablesAfter(
                () -> api().call(Endpoint.REGISTER).body(padded).send());
        assertThat(answer.expect(413).isObject()).isTrue();
    }

    @Test
    void unknownRoutesAre404Json() {
        for (String path : new String[] {"/no-such-endpoint/", "/clinics/", Endpoint.RESERVE.path() + "extra/"}) {
            ApiResponse answer = api().get(path).token(student.token()).send();
            assertThat(answer.expect(404).isObject()).as(path).isTrue();
            assertThat(answer.contentType()).as(path).startsWith("application/json");
        }
    }

    @Test
    void wrongMethodsAre405Json() {
        ApiResponse[] answers = {
            api().get(Endpoint.RESERVE.path()).token(student.token()).send(),
            api().post(Endpoint.HEALTH.path()).json(Map.of()).send(),
            api().call("DELETE", Endpoint.LOGIN.path()).send(),
            api().call("PUT", Endpoint.WEEKLY_SCHEDULE.path())
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
        api().get(withoutTrailingSlash(Endpoint.HEALTH)).send().expect(200);
        api().get(withoutTrailingSlash(Endpoint.WEEKLY_SCHEDULE))
                .token(student.token())
                .send()
                .expect(200);
        TestStudent other = newStudent();
        api().post(withoutTrailingSlash(Endpoint.RESERVE))
                .token(other.token())
                .json(Map.of(Field.USER_ID, other.id(), Field.CLINIC_ID, clinicId))
                .send()
                .expect(200);
    }

    /** Bodies past Jackson's read limits (nesting 500 levels at most, numbers 1,000 digits at most). */
    static Stream<Arguments> bodiesPastTheJsonLimits() {
        String deep = "{\"user_id\": " + "[".repeat(1200) + "]".repeat(1200) + "}";
        String longNumber = "{\"user_id\": " + "9".repeat(1001) + ", \"clinic_id\": 1}";
        return Stream.of(Endpoint.REGISTER, Endpoint.LOGIN, Endpoint.RESERVE)
                .flatMap(endpoint -> Stream.of(
                        Arguments.of(endpoint, "nesting", deep), Arguments.of(endpoint, "number length", longNumber)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodiesPastTheJsonLimits")
    void jsonPastTheReadLimitsIs400InvalidRequestAndWritesNothing(Endpoint endpoint, String limit, String body) {
        JsonNode answer = unchangedTablesAfter(() ->
                        api().call(endpoint).token(student.token()).body(body).send())
                .expect(400);
        assertThat(answer.path(Field.ERROR).asText())
                .as("%s %s: %s", endpoint, limit, answer)
                .isEqualTo(INVALID_REQUEST);
    }

    /**
     * Text PostgreSQL cannot store (NUL) or that is no text at all (a lone surrogate), as JSON escapes in
     * each text field of login and registration: refused alike on both databases, naming the field.
     */
    static Stream<Arguments> unstorableTexts() {
        List<String> registerFields = List.of(
                Field.USERNAME,
                Field.PASSWORD,
                Field.NAME,
                Field.PHONE_NUM,
                Field.STUDENT_PHONE_NUM,
                Field.STUDENT_PARENT_PHONE_NUM,
                Field.SCHOOL,
                Field.GRADE,
                Field.SUBJECT,
                Field.EMAIL);
        Stream<Arguments> register = registerFields.stream()
                .flatMap(field -> Stream.of("\\u0000", "\\ud800")
                        .map(escape -> Arguments.of(
                                Endpoint.REGISTER,
                                field,
                                escape,
                                bodyWith(
                                        Map.of(
                                                Field.USERNAME,
                                                uniqueUsername("text"),
                                                Field.PASSWORD,
                                                STUDENT_PASSWORD,
                                                Field.NAME,
                                                "학생"),
                                        field,
                                        "a" + escape + "b"))));
        Stream<Arguments> login = Stream.of(Field.USERNAME, Field.PASSWORD)
                .map(field -> Arguments.of(
                        Endpoint.LOGIN,
                        field,
                        "\\u0000",
                        bodyWith(
                                Map.of(
                                        Field.USERNAME,
                                        "test_student_01",
                                        Field.PASSWORD,
                                        ContractText.FIXTURE_PASSWORD),
                                field,
                                "a\\u0000b")));
        return Stream.concat(register, login);
    }

    /** {@code fields} as a JSON object, with {@code field} set to the raw JSON string text {@code jsonText}. */
    private static String bodyWith(Map<String, String> fields, String field, String jsonText) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put(field, "PLACEHOLDER");
        return Json.write(body).replace("PLACEHOLDER", jsonText);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("unstorableTexts")
    void unstorableTextIs400InvalidRequestNamingTheFieldAndWritesNothing(
            Endpoint endpoint, String field, String escape, String body) {
        JsonNode answer = unchangedTablesAfter(
                        () -> api().call(endpoint).body(body).send())
                .expect(400);
        assertThat(answer.path(Field.ERROR).asText()).as("%s: %s", body, answer).isEqualTo(INVALID_REQUEST);
        assertThat(answer.path(Field.MESSAGE).asText())
                .as("%s: %s", body, answer)
                .startsWith(field + "에 ");
    }

    /** A body that ends (the client closes its side) before the length its framing announced. */
    static Stream<Arguments> bodiesEndingEarly() {
        String reserve = "{\"user_id\": 1, \"clinic_id\": 1}";
        return Stream.of(Endpoint.REGISTER, Endpoint.LOGIN, Endpoint.RESERVE)
                .flatMap(endpoint -> Stream.of(
                        Arguments.of(
                                endpoint,
                                "a chunk shorter than its size",
                                "Transfer-Encoding: chunked\r\n",
                                "40\r\n" + reserve),
                        Arguments.of(endpoint, "fewer bytes than Content-Length", "Content-Length: 100\r\n", reserve)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodiesEndingEarly")
    void bodyEndingEarlyIs400InvalidRequestAndWritesNothing(
            Endpoint endpoint, String how, String framing, String body) {
        byte[] request = RawHttp.request(
                endpoint.method(),
                endpoint.pathOnHost(),
                authorization() + "Content-Type: application/json\r\n" + framing,
                null);
        byte[] sent = concat(request, body.getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer answer =
                unchangedTablesAfter(() -> RawHttp.exchange(server().server().port(), sent, true, RAW_READ_TIMEOUT));
        assertThat(answer.status()).as("%s %s: %s", endpoint, how, answer).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as("%s %s", endpoint, how).startsWith("application/json");
        assertThat(Json.parse(answer.body()).path(Field.ERROR).asText())
                .as("%s %s: %s", endpoint, how, answer)
                .isEqualTo(INVALID_REQUEST);
    }

    /**
     * A body that stops arriving (announced 100 bytes, sent 14, the connection kept open) is cut off
     * after the request idle timeout with 408 request_timeout, well before Jetty's default of 30 s.
     */
    @Test
    void bodyThatStopsArrivingIs408WithinTheIdleTimeoutAndWritesNothing() {
        byte[] stalled = RawHttp.request(
                Endpoint.RESERVE.method(),
                Endpoint.RESERVE.pathOnHost(),
                authorization() + "Content-Type: application/json\r\nContent-Length: 100\r\n",
                null);
        byte[] sent = concat(stalled, "{\"user_id\": 1".getBytes(StandardCharsets.UTF_8));
        Duration readTimeout = ApiServer.REQUEST_IDLE_TIMEOUT.plusSeconds(5);
        RawHttp.Answer answer =
                unchangedTablesAfter(() -> RawHttp.exchange(server().server().port(), sent, false, readTimeout));
        assertThat(answer.status())
                .as("answer within %s: %s", readTimeout, answer)
                .isEqualTo(408);
        assertThat(Json.parse(answer.body()).path(Field.ERROR).asText()).isEqualTo("request_timeout");
    }

    /** Requests Jetty refuses before any route, and the status it answers them with. */
    static Stream<Arguments> requestsRefusedBeforeRouting() {
        String health = Endpoint.HEALTH.pathOnHost();
        String login = Endpoint.LOGIN.pathOnHost();
        String version = " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        return Stream.of(
                Arguments.of("NUL in the path", "GET " + health + "%00" + version + "\r\n", 400, INVALID_REQUEST),
                Arguments.of(
                        "control character in a header",
                        "GET " + health + version + "X-A: a\u0001b\r\n\r\n",
                        400,
                        INVALID_REQUEST),
                Arguments.of(
                        "20 KB header",
                        "GET " + health + version + "X-A: " + "a".repeat(20_000) + "\r\n\r\n",
                        431,
                        INVALID_REQUEST),
                Arguments.of(
                        "20 KB path", "GET " + health + "a".repeat(20_000) + version + "\r\n", 414, INVALID_REQUEST),
                Arguments.of(
                        "Content-Length and chunked together",
                        "POST " + login + version
                                + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                        400,
                        INVALID_REQUEST),
                Arguments.of("HTTP/1.7", "GET " + health + " HTTP/1.7\r\nHost: 127.0.0.1\r\n\r\n", 505, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsRefusedBeforeRouting")
    void requestsRefusedBeforeRoutingAnswerJsonAndWriteNothing(String what, String request, int status, String error) {
        RawHttp.Answer answer = unchangedTablesAfter(() -> RawHttp.exchange(
                server().server().port(), request.getBytes(StandardCharsets.UTF_8), true, RAW_READ_TIMEOUT));
        assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("%s: %s", what, answer).startsWith("application/json");
        JsonNode body = Json.parse(answer.body());
        if (error != null) {
            assertThat(body.path(Field.ERROR).asText())
                    .as("%s: %s", what, answer)
                    .isEqualTo(error);
        }
        assertThat(body.path(error == null ? Field.DETAIL : Field.MESSAGE).asText())
                .as("%s: %s", what, answer)
                .isNotBlank();
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private Map<String, Object> validReservation() {
        return Map.of(Field.USER_ID, student.id(), Field.CLINIC_ID, clinicId);
    }

    private <T> T unchangedTablesAfter(Supplier<T> request) {
        Map<String, Long> before = sql().rowCountsOfEveryTable();
        T answer = request.get();
        assertThat(sql().rowCountsOfEveryTable())
                .as("row counts after %s", answer)
                .isEqualTo(before);
        return answer;
    }

    /** The contract's path, which ends with {@code /}, without its last {@code /}. */
    private static String withoutTrailingSlash(Endpoint endpoint) {
        return endpoint.path().substring(0, endpoint.path().length() - 1);
    }

    /** The student's {@code Authorization} header line, for requests written by hand. */
    private String authorization() {
        return "Authorization: " + Endpoint.TOKEN_SCHEME + student.token() + "\r\n";
    }
}
