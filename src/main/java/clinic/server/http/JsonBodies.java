package clinic.server.http;

import clinic.contract.Field;
import clinic.contract.ReservationError;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Reads request bodies: a JSON object or a 4xx (400 invalid_request, 408, 413) saying what was wrong. */
final class JsonBodies {

    private static final BigInteger LARGEST_ID = BigInteger.valueOf(Long.MAX_VALUE);

    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    }

    /** The request's body as a JSON object; an empty body counts as {@code {}} (every field missing). */
    ObjectNode object(Context ctx) {
        String body = text(ctx);
        if (body.isBlank()) {
            return mapper.createObjectNode();
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            StreamReadConstraints limits = mapper.getFactory().streamReadConstraints();
            throw invalid("요청 본문이 JSON 처리 한도를 넘습니다 (중첩은 " + limits.getMaxNestingDepth() + "단계, 숫자는 "
                    + limits.getMaxNumberLength() + "자리까지).");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid(
                    at == null
                            ? "요청 본문이 올바른 JSON이 아닙니다."
                            : "요청 본문이 올바른 JSON이 아닙니다 (" + at.getLineNr() + "행 " + at.getColumnNr() + "열).");
        }
        if (!(node instanceof ObjectNode object)) {
            throw invalid("요청 본문은 JSON 객체여야 합니다 (받은 값: " + kind(node) + ").");
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!storable(field.getKey()) || !storableTexts(field.getValue())) {
                throw invalid(
                        field.getKey().replace('\0', ' ') + "에 저장할 수 없는 문자가 있습니다 (NUL 문자 \\u0000 또는 짝이 없는 서로게이트).");
            }
        }
        return object;
    }

    /**
     * The body as UTF-8 text, as JSON between systems must be (RFC 8259), whatever charset the
     * Content-Type names: bytes that are not UTF-8 are refused rather than stored as replacement
     * characters. A body that ends before its announced length (early EOF, a cut chunk) is a bad
     * request, and one that stops arriving is cut off by Jetty's idle timeout and answered 408.
     */
    private static String text(Context ctx) {
        byte[] bytes;
        try {
            bytes = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) {
            if (hasCause(e, TimeoutException.class)) {
                throw new ApiException(408, requestTimeoutBody());
            }
            if (hasCause(e, IOException.class)) {
                throw invalid("요청 본문이 끝까지 도착하지 않았습니다 (선언한 길이보다 짧거나 chunk가 잘렸습니다).");
            }
            throw e;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("요청 본문이 UTF-8이 아닙니다.");
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when every text in the value, names of object fields included, can be stored as sent:
     * PostgreSQL refuses NUL in text, and a lone UTF-16 surrogate is not a character at all (the
     * PostgreSQL driver would store "?" instead, H2 the broken text).
     */
    private static boolean storableTexts(JsonNode value) {
        if (value.isTextual()) {
            return storable(value.textValue());
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!storable(field.getKey()) || !storableTexts(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        for (JsonNode element : value) {
            if (!storableTexts(element)) {
                return false;
            }
        }
        return true;
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The object's fields as plain Java values (String, BigInteger, Double, Boolean, List, Map, null). */
    Map<String, Object> fields(ObjectNode object) {
        return mapper.convertValue(object, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    /** True when the field is absent or null: the contract's "missing" (check #1). */
    static boolean isMissing(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull();
    }

    /** A positive whole number that fits a long, or a 400 invalid_request naming what was wrong. */
    static long positiveId(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (!value.isIntegralNumber()) {
            throw invalid(field + "는 정수여야 합니다 (받은 값: " + kind(value) + " " + value + ").");
        }
        BigInteger id = value.bigIntegerValue();
        if (id.signum() <= 0) {
            throw invalid(field + "는 1 이상이어야 합니다 (받은 값: " + id + ").");
        }
        if (id.compareTo(LARGEST_ID) > 0) {
            throw invalid(field + "가 너무 큽니다 (최대 " + Long.MAX_VALUE + ", 받은 값: " + id + ").");
        }
        return id.longValueExact();
    }

    static ApiException invalid(String message) {
        return new ApiException(400, invalidRequestBody(message));
    }

    static Map<String, Object> invalidRequestBody(String message) {
        return ClinicApi.map(Field.ERROR, ReservationError.INVALID_REQUEST.error(), Field.MESSAGE, message);
    }

    static Map<String, Object> requestTimeoutBody() {
        return ClinicApi.map(
                Field.ERROR,
                "request_timeout",
                Field.MESSAGE,
                "요청이 " + ApiServer.REQUEST_IDLE_TIMEOUT.toSeconds() + "초 동안 도착하지 않아 끊었습니다.");
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "문자열";
            case NUMBER -> "소수";
            case BOOLEAN -> "참/거짓";
            case ARRAY -> "배열";
            case OBJECT -> "객체";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
