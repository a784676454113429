package clinic.server.service;

import clinic.server.repository.UserAccount;
import java.util.List;
import java.util.Map;

public sealed interface LoginOutcome {

    record LoggedIn(String token, UserAccount user) implements LoginOutcome {}

    /** Wrong password or unknown user: the same answer for both. */
    record BadCredentials() implements LoginOutcome {}

    record Inactive() implements LoginOutcome {}

    record FieldErrors(Map<String, List<String>> errors) implements LoginOutcome {}
}
