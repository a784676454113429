package clinic.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads request bodies: a JSON object or a 400 invalid_request saying what was wrong. */
final class JsonBodies {

    private static final BigInteger LARGEST_ID = BigInteger.valueOf(Long.MAX_VALUE);

    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    }

    /** The body as a JSON object; an empty body counts as {@code {}} (every field missing). */
    ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            return mapper.createObjectNode();
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("요청 본문이 올바른 JSON이 아닙니다 (" + e.getLocation().getLineNr() + "행 "
                    + e.getLocation().getColumnNr() + "열).");
        }
        if (!(node instanceof ObjectNode object)) {
            throw invalid("요청 본문은 JSON 객체여야 합니다 (받은 값: " + kind(node) + ").");
        }
        return object;
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
        return new ApiException(400, ClinicApi.map("error", "invalid_request", "message", message));
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
