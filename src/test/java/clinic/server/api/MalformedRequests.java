package clinic.server.api;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.testsupport.ContractText;
import clinic.testsupport.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Malformed HTTP requests for every endpoint of the API, drawn from a seeded {@link Random}: a well-formed
 * request of a random endpoint, then one kind of damage to its body, its headers or its request line.
 * The same seed gives the same requests. Every request ends with the client closing its side, so a body
 * shorter than its framing announces is an early EOF, never a wait.
 */
final class MalformedRequests {

    /** One generated request: what was done to it, its method, and the bytes to send. */
    record Case(String description, String method, byte[] bytes) {}

    /** A well-formed request of one endpoint, before the damage; {@code body} is null for a GET. */
    private record WellFormed(Endpoint endpoint, Supplier<Map<String, Object>> body) {}

    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "FOO", "get");
    /** Damaging fragments for a body: JSON syntax, escapes PostgreSQL or UTF-16 cannot hold, raw controls. */
    private static final List<String> FRAGMENTS = List.of(
            "{", "}", "[", "]", "\"", ",", ":", "\\", "\\u0000", "\\ud800", "\\udfff", "null", "-", "1e999", "\u0000",
            "\u0007", "\u202e", "😀", "/*", "'", "NaN", "\r\n");

    private static final List<String> BAD_VALUES = List.of(
            "null",
            "true",
            "-1",
            "0",
            "1.5",
            "-0",
            "1e400",
            "9".repeat(30),
            "9".repeat(1001),
            "\"\"",
            "\"   \"",
            "[]",
            "{}",
            "[1, 2]",
            "{\"id\": 1}",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "\"" + "가".repeat(200) + "\"",
            "\"" + "x".repeat(70_000) + "\"",
            "[".repeat(600) + "]".repeat(600));
    private static final List<String> WHOLE_BODIES = List.of(
            "",
            " ",
            "[]",
            "\"text\"",
            "42",
            "true",
            "null",
            "{",
            "}",
            "{}{}",
            "{\"a\": 1} x",
            "\uFEFF{}",
            "[".repeat(2000),
            "{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}",
            "9".repeat(1500),
            "{\"user_id\": 1, \"user_id\": \"x\", \"clinic_id\": 1}");
    private static final List<String> CONTENT_TYPES = List.of(
            "",
            "Content-Type: text/plain\r\n",
            "Content-Type: application/json; charset=bogus\r\n",
            "Content-Type: application/json; charset=utf-16\r\n",
            "Content-Type: application/json; charset=iso-8859-1\r\n",
            "Content-Type: multipart/form-data; boundary=x\r\n",
            "Content-Type: application/x-www-form-urlencoded\r\n",
            "Content-Type: \r\n");
    private static final List<String> PATH_DAMAGE = List.of(
            "x",
            "../",
            "%00",
            "%ff",
            "%",
            "%zz",
            "/",
            ";a=b",
            "?a=%00&b",
            "?" + "q".repeat(3000),
            "#frag",
            "한글",
            "%2e%2e/",
            "%252e",
            "\\",
            "~",
            "./");
    private static final List<String> BROKEN_HEADERS = List.of(
            "X-Bad Name: 1\r\n",
            "X-Control: a\u0001b\r\n",
            "NoColonHere\r\n",
            " folded: continuation\r\n",
            "X-Long: " + "a".repeat(20_000) + "\r\n",
            "Expect: 100-continue\r\n",
            "Transfer-Encoding: gzip\r\n",
            "Content-Length: -1\r\n",
            "Content-Length: abc\r\n",
            "Content-Length: 1\r\nContent-Length: 2\r\n",
            "Host: second\r\n");

    private final Random random;
    private final List<WellFormed> requests;
    private final String token;

    /** Requests that would otherwise be valid: they use {@code token}, and reserve for its user in a real clinic. */
    MalformedRequests(Random random, String token, long userId, long clinicId) {
        this.random = random;
        this.token = token;
        this.requests = List.of(
                new WellFormed(Endpoint.HEALTH, null),
                new WellFormed(
                        Endpoint.REGISTER,
                        () -> ordered(
                                Field.USERNAME, "fuzz_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36),
                                Field.PASSWORD, "clinic-pass-2024",
                                Field.PASSWORD_CONFIRM, "clinic-pass-2024",
                                Field.NAME, "학생",
                                Field.PHONE_NUM, "010-1234-0001",
                                Field.SCHOOL, "세화고",
                                Field.GRADE, "2학년",
                                Field.SUBJECT, "physics1")),
                new WellFormed(
                        Endpoint.LOGIN,
                        () -> ordered(
                                Field.USERNAME, "test_student_01", Field.PASSWORD, ContractText.FIXTURE_PASSWORD)),
                new WellFormed(Endpoint.WEEKLY_SCHEDULE, null),
                new WellFormed(Endpoint.RESERVE, () -> ordered(Field.USER_ID, userId, Field.CLINIC_ID, clinicId)),
                new WellFormed(
                        Endpoint.CANCEL_RESERVATION, () -> ordered(Field.USER_ID, userId, Field.CLINIC_ID, clinicId)));
    }

    Case next() {
        WellFormed request = pick(requests);
        Endpoint endpoint = request.endpoint();
        String method = endpoint.method();
        String path = endpoint.pathOnHost();
        String headers = endpoint.authenticated() ? "Authorization: " + Endpoint.TOKEN_SCHEME + token + "\r\n" : "";
        headers += "Content-Type: application/json\r\n";
        byte[] body = request.body() == null
                ? new byte[0]
                : Json.write(request.body().get()).getBytes(StandardCharsets.UTF_8);
        String framing = null;
        String damage;
        switch (random.nextInt(3)) {
            case 0 -> {
                String text = new String(body, StandardCharsets.UTF_8);
                switch (random.nextInt(5)) {
                    case 0 -> {
                        int at = random.nextInt(text.length() + 1);
                        damage = "body cut at " + at;
                        text = text.substring(0, at);
                    }
                    case 1 -> {
                        String fragment = pick(FRAGMENTS);
                        int at = random.nextInt(text.length() + 1);
                        damage = "body with " + visible(fragment) + " at " + at;
                        text = text.substring(0, at) + fragment + text.substring(at);
                    }
                    case 2 -> {
                        String value = pick(BAD_VALUES);
                        damage = "every value replaced by " + abbreviated(value);
                        text = text.replaceAll(":\\s*(\"[^\"]*\"|-?\\d+)", ":" + value.replace("\\", "\\\\"));
                        if (request.body() == null) {
                            text = "{\"value\": " + value + "}";
                        }
                    }
                    case 3 -> {
                        text = pick(WHOLE_BODIES);
                        damage = "body " + abbreviated(text);
                    }
                    default -> {
                        byte[] garbage = new byte[random.nextInt(200)];
                        random.nextBytes(garbage);
                        return build(endpoint, method, path, headers, null, garbage, "random bytes as body");
                    }
                }
                body = text.getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        String contentType = pick(CONTENT_TYPES);
                        damage = "content type " + visible(contentType.strip());
                        headers = headers.replace("Content-Type: application/json\r\n", contentType);
                    }
                    case 1 -> {
                        String authorization = pick(List.of(
                                "",
                                "Token",
                                "Token ",
                                "Bearer " + token,
                                "Basic dXNlcjpwYXNz",
                                "token " + token,
                                Endpoint.TOKEN_SCHEME + token + " extra",
                                Endpoint.TOKEN_SCHEME + token.substring(1),
                                Endpoint.TOKEN_SCHEME + token.toUpperCase(),
                                Endpoint.TOKEN_SCHEME + "g".repeat(40),
                                Endpoint.TOKEN_SCHEME + "0".repeat(40),
                                Endpoint.TOKEN_SCHEME + "a".repeat(9000)));
                        damage = "authorization " + abbreviated(authorization);
                        headers = "Authorization: " + authorization + "\r\n"
                                + headers.replaceFirst("Authorization: [^\r]*\r\n", "");
                    }
                    case 2 -> {
                        int announced = body.length + random.nextInt(50) - 25;
                        if (random.nextBoolean()) {
                            damage = "Content-Length " + announced + " for " + body.length + " bytes";
                            framing = "Content-Length: " + Math.max(0, announced) + "\r\n";
                        } else {
                            damage = "chunked, one chunk announced " + Math.max(0, announced) + " for " + body.length
                                    + " bytes";
                            byte[] chunk = body;
                            body = concat(
                                    (Integer.toHexString(Math.max(0, announced)) + "\r\n")
                                            .getBytes(StandardCharsets.UTF_8),
                                    chunk,
                                    "\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                            framing = "Transfer-Encoding: chunked\r\n";
                        }
                    }
                    default -> {
                        String broken = pick(BROKEN_HEADERS);
                        damage = "header " + abbreviated(visible(broken.strip()));
                        headers += broken;
                    }
                }
            }
            default -> {
                if (random.nextBoolean()) {
                    method = pick(METHODS);
                    damage = "method " + method;
                } else {
                    String suffix = pick(PATH_DAMAGE);
                    String prefix = Endpoint.API_PREFIX + "/";
                    path = random.nextBoolean() ? path + suffix : path.replace(prefix, prefix + suffix);
                    damage = "path " + abbreviated(visible(path));
                }
            }
        }
        return build(endpoint, method, path, headers, framing, body, damage);
    }

    private static Case build(
            Endpoint endpoint, String method, String path, String headers, String framing, byte[] body, String damage) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
                + (framing != null ? framing : "Content-Length: " + body.length + "\r\n") + "\r\n";
        return new Case(
                endpoint.method() + " " + endpoint.pathOnHost() + ", " + damage,
                method,
                concat(head.getBytes(StandardCharsets.UTF_8), body));
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static String visible(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> shown.append(c < 0x20 ? String.format("\\x%02x", c) : Character.toString(c)));
        return shown.toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
    }
}
