package clinic.simulation.audit;

import java.util.List;

/**
 * The audit's conclusion: passed when there is no violation but accepted ones; warnings never fail it.
 *
 * @param violations what fails the run
 * @param accepted the findings known and accepted (a baseline's, or standing at the smallest load), each
 *     with its note: reported apart, never failing the run
 * @param rules how each business rule fared
 */
public record Verdict(List<Finding> violations, List<Finding> accepted, List<Finding> warnings, List<RuleCheck> rules) {

    public Verdict {
        violations = List.copyOf(violations);
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        warnings = List.copyOf(warnings);
        rules = List.copyOf(rules);
    }

    public Verdict(List<Finding> violations, List<Finding> warnings) {
        this(violations, List.of(), warnings, List.of());
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /**
     * The KO message of the audit check of one kind, at most {@code maxLength} characters because
     * Gatling cuts longer ones: the kind, its meaning and count, then every finding that fits whole;
     * what does not fit is counted and left to {@code whereInFull}. Null when there is no violation
     * of that kind.
     */
    public String failureMessage(Finding.Kind kind, int maxLength, String whereInFull) {
        List<String> messages = violations.stream()
                .filter(violation -> violation.kind() == kind)
                .map(Finding::message)
                .toList();
        if (messages.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder()
                .append(kind)
                .append(' ')
                .append(messages.size())
                .append("건 (")
                .append(kind.meaning())
                .append("): ");
        for (int shown = 0; shown < messages.size(); shown++) {
            String separator = shown == 0 ? "" : "; ";
            int after = messages.size() - shown - 1;
            String message = messages.get(shown);
            if (text.length()
                            + separator.length()
                            + message.length()
                            + restOf(after, whereInFull).length()
                    <= maxLength) {
                text.append(separator).append(message);
                continue;
            }
            if (shown > 0) {
                return text.append(restOf(after + 1, whereInFull)).toString();
            }
            // the first finding alone is longer than a row (a long roster): its head, cut between words
            String rest = after == 0 ? " … " + whereInFull : restOf(after, whereInFull);
            String head = message.substring(
                    0, Math.max(0, Math.min(message.length(), maxLength - text.length() - rest.length())));
            int lastSpace = head.lastIndexOf(' ');
            return text.append(lastSpace > 0 ? head.substring(0, lastSpace) : head)
                    .append(rest)
                    .toString();
        }
        return text.toString();
    }

    /** Nothing when {@code count} is 0. */
    private static String restOf(int count, String whereInFull) {
        return count == 0 ? "" : " … 외 " + count + "건: " + whereInFull;
    }
}
