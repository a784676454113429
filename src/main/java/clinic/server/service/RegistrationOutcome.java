package clinic.server.service;

import java.util.List;
import java.util.Map;

public sealed interface RegistrationOutcome {

    record Registered(long userId) implements RegistrationOutcome {}

    record FieldErrors(Map<String, List<String>> errors) implements RegistrationOutcome {}
}
