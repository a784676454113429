package clinic.simulation.output;

import clinic.simulation.audit.RunLedger.ReservationAttempt;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When the reservations opened on this injector, as ISO-8601 instants (null when unknown).
 *
 * @param openAt the opening instant the run was given; null when its students met at the rendezvous
 * @param firstSend when the injector's first reservation request left
 * @param lastFirstSend when the last of its students sent its first one: the opening's spread here
 * @param auditedAt when its audit began reading the final state, after its own load
 * @param injectorsSpreadMs in a merged summary, from the first injector's first request to the last
 *     injector's first one; null for one injector
 */
public record Opening(
        String openAt,
        String firstSend,
        String lastFirstSend,
        String auditedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long injectorsSpreadMs) {

    static Opening of(Instant openAt, List<ReservationAttempt> attempts, Instant auditedAt) {
        Map<String, Instant> firstOfEach = new LinkedHashMap<>();
        attempts.forEach(attempt -> firstOfEach.merge(attempt.caller(), attempt.sentAt(), Opening::earlier));
        return new Opening(
                text(openAt),
                text(firstOfEach.values().stream()
                        .min(Comparator.naturalOrder())
                        .orElse(null)),
                text(firstOfEach.values().stream()
                        .max(Comparator.naturalOrder())
                        .orElse(null)),
                text(auditedAt),
                null);
    }

    /** From the first reservation request to the last student's first one; null without requests. */
    public Long spreadMs() {
        return firstSend == null ? null : millisBetween(firstSend, lastFirstSend);
    }

    /** How long after {@code openAt} the first request left; null without either. */
    public Long firstSendAfterOpenAtMs() {
        return openAt == null || firstSend == null ? null : millisBetween(openAt, firstSend);
    }

    public static long millisBetween(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).toMillis();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
