package clinic.simulation.answers;

import clinic.contract.AccountMessage;
import clinic.contract.Field;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * How a registration went. A 400 saying the username exists means the account is reused, which is
 * fine: the fixture or an earlier run made it.
 *
 * @param failure why it was refused, naming the fields the backend complained about; null when OK
 */
public record RegistrationAnswer(Kind kind, String failure) implements JudgedAnswer {

    public enum Kind {
        CREATED,
        REUSED,
        REFUSED
    }

    public static RegistrationAnswer none(NoAnswer why) {
        return new RegistrationAnswer(Kind.REFUSED, why.label());
    }

    public static RegistrationAnswer classify(int status, String body) {
        if (status == 201) {
            return new RegistrationAnswer(Kind.CREATED, null);
        }
        Optional<JsonNode> json = SimulationJson.object(body);
        if (status == 400 && json.isPresent()) {
            JsonNode username = json.get().get(Field.USERNAME);
            if (username != null && username.isArray()) {
                for (JsonNode message : username) {
                    if (message.asText().contains(AccountMessage.USERNAME_TAKEN_MARK)) {
                        return new RegistrationAnswer(Kind.REUSED, null);
                    }
                }
            }
            List<String> fields = new ArrayList<>();
            for (Iterator<String> names = json.get().fieldNames(); names.hasNext(); ) {
                fields.add(names.next());
            }
            return new RegistrationAnswer(
                    Kind.REFUSED,
                    "registration refused (HTTP 400) on fields: "
                            + (fields.isEmpty() ? "(none named)" : String.join(", ", fields)));
        }
        return new RegistrationAnswer(
                Kind.REFUSED, "registration failed: HTTP " + status + (json.isPresent() ? "" : " (body is not JSON)"));
    }
}
