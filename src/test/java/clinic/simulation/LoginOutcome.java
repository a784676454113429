package clinic.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A login answer: the token and the user's id on success, otherwise why not.
 *
 * @param failure null on success
 */
public record LoginOutcome(String token, Long studentId, String failure) {

    public boolean ok() {
        return failure == null;
    }

    public static LoginOutcome classify(int status, String body) {
        Optional<JsonNode> json = Json.object(body);
        if (status == 200 && json.isPresent()) {
            String token = Json.text(json.get(), "token");
            JsonNode id = json.get().path("user").get("id");
            if (token != null && !token.isEmpty() && id != null && id.canConvertToLong()) {
                return new LoginOutcome(token, id.asLong(), null);
            }
            return new LoginOutcome(null, null, "login answered 200 without token and user.id");
        }
        String error = json.map(answer -> Json.text(answer, "error")).orElse(null);
        return new LoginOutcome(null, null, "login refused: HTTP " + status + (error == null ? "" : " " + error));
    }
}
