package clinic.simulation;

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
public record RegistrationOutcome(Kind kind, String failure) {

    static final String USERNAME_EXISTS_MARK = "이미 존재";

    public enum Kind {
        CREATED,
        REUSED,
        REFUSED
    }

    public boolean ok() {
        return kind != Kind.REFUSED;
    }

    public static RegistrationOutcome classify(int status, String body) {
        if (status == 201) {
            return new RegistrationOutcome(Kind.CREATED, null);
        }
        Optional<JsonNode> json = Json.object(body);
        if (status == 400 && json.isPresent()) {
            JsonNode username = json.get().get("username");
            if (username != null && username.isArray()) {
                for (JsonNode message : username) {
                    if (message.asText().contains(USERNAME_EXISTS_MARK)) {
                        return new RegistrationOutcome(Kind.REUSED, null);
                    }
                }
            }
            List<String> fields = new ArrayList<>();
            for (Iterator<String> names = json.get().fieldNames(); names.hasNext(); ) {
                fields.add(names.next());
            }
            return new RegistrationOutcome(
                    Kind.REFUSED,
                    "registration refused (HTTP 400) on fields: "
                            + (fields.isEmpty() ? "(none named)" : String.join(", ", fields)));
        }
        return new RegistrationOutcome(
                Kind.REFUSED, "registration failed: HTTP " + status + (json.isPresent() ? "" : " (body is not JSON)"));
    }
}
