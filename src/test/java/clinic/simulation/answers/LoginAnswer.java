package clinic.simulation.answers;

import clinic.contract.Field;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A login answer: the token and the user's id on success, otherwise why not.
 *
 * @param failure null on success
 */
public record LoginAnswer(String token, Long studentId, String failure) implements JudgedAnswer {

    public static LoginAnswer none(NoAnswer why) {
        return new LoginAnswer(null, null, why.label());
    }

    public static LoginAnswer classify(int status, String body) {
        Optional<JsonNode> json = SimulationJson.object(body);
        if (status == 200 && json.isPresent()) {
            String token = SimulationJson.text(json.get(), Field.TOKEN);
            JsonNode id = json.get().path(Field.USER).get(Field.ID);
            if (token != null && !token.isEmpty() && id != null && id.canConvertToLong()) {
                return new LoginAnswer(token, id.asLong(), null);
            }
            return new LoginAnswer(null, null, "login answered 200 without token and user.id");
        }
        String error =
                json.map(answer -> SimulationJson.text(answer, Field.ERROR)).orElse(null);
        return new LoginAnswer(null, null, "login refused: HTTP " + status + (error == null ? "" : " " + error));
    }
}
