package clinic.simulation.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Optional;

/**
 * The one JSON mapper of the simulation (request bodies, answers, the run's summary files), lenient
 * reading of answers that may not be JSON, and short quotes of answer bodies for messages.
 */
public final class SimulationJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A whole HTML error page helps nobody in an Errors table: quotes stop here. */
    private static final int QUOTE_LIMIT = 200;

    private SimulationJson() {}

    /** The body as a JSON object, or empty when it is blank, not JSON, or not an object. */
    public static Optional<JsonNode> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A text field of an object, or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** The body on one line, cut after {@value #QUOTE_LIMIT} characters; {@code (empty body)} when there is none. */
    public static String quote(String body) {
        if (body == null || body.isEmpty()) {
            return "(empty body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= QUOTE_LIMIT ? oneLine : oneLine.substring(0, QUOTE_LIMIT) + "…";
    }
}
