package clinic.simulation.answers;

import clinic.contract.Field;
import clinic.contract.ReservationError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A reservation answer read against the contract (production and reference server): its reason, and for
 * a technical failure what went wrong.
 *
 * @param detail why a technical failure is one (empty for business answers)
 */
public record ReservationAnswer(RejectionReason reason, String detail) implements JudgedAnswer {

    /** An attempt that got no HTTP answer at all (refused connection, reset, request timeout). */
    public static ReservationAnswer none(NoAnswer why) {
        return new ReservationAnswer(RejectionReason.NETWORK_ERROR, why.label());
    }

    public static ReservationAnswer classify(int status, String body) {
        if (status >= 500) {
            return new ReservationAnswer(RejectionReason.SERVER_ERROR, "HTTP " + status);
        }
        if (status == ReservationError.RATE_LIMITED.status()) {
            return business(RejectionReason.RATE_LIMITED);
        }
        Optional<JsonNode> json = SimulationJson.object(body);
        if (json.isEmpty()) {
            return unexpected("HTTP " + status + " with a body that is not a JSON object");
        }
        JsonNode answer = json.get();
        String error = SimulationJson.text(answer, Field.ERROR);
        if (status == 200) {
            return answer.path(Field.SUCCESS).asBoolean(false)
                    ? business(RejectionReason.RESERVED)
                    : unexpected("HTTP 200 without \"success\": true");
        }
        if (status == 401 && answer.hasNonNull(Field.DETAIL)) {
            return business(RejectionReason.UNAUTHENTICATED);
        }
        if (status == 404 && error != null && error.startsWith(ReservationError.NOT_FOUND_PREFIX)) {
            return business(RejectionReason.NOT_FOUND);
        }
        return ReservationError.of(status, error)
                .flatMap(RejectionReason::of)
                .map(ReservationAnswer::business)
                .orElseGet(() -> unexpected("HTTP " + status
                        + (error == null
                                ? " without an error code"
                                : " with unknown error '" + SimulationJson.quote(error) + "'")));
    }

    private static ReservationAnswer business(RejectionReason reason) {
        return new ReservationAnswer(reason, "");
    }

    private static ReservationAnswer unexpected(String detail) {
        return new ReservationAnswer(RejectionReason.UNEXPECTED_ANSWER, detail);
    }

    public boolean reserved() {
        return reason == RejectionReason.RESERVED;
    }

    /**
     * What the console's analysis calls a refusal, in the original tool's words: {@code occupied (OCCUPIED)},
     * {@code 서버 오류 (5xx) (SERVER_ERROR): HTTP 500}; null when reserved.
     */
    public String refusal() {
        if (reserved()) {
            return null;
        }
        String label = reason.originalLabel() + " (" + reason + ")";
        return reason.technical() ? label + ": " + detail : label;
    }

    /**
     * The KO message of the request, which Gatling's Errors table counts: the reason and its meaning, so
     * that the table is the breakdown of the answers. Business reasons are marked as the correct refusals
     * they are ({@code 정상 거절 OCCUPIED: 정원 초과 (정상적인 경합 상황)}); technical failures add what went wrong
     * ({@code 기술적 실패 SERVER_ERROR: 서버 오류 (5xx), HTTP 500}). Null when reserved.
     */
    @Override
    public String failure() {
        if (reserved()) {
            return null;
        }
        String reasonAndMeaning = reason.name() + ": " + reason.meaning();
        return reason.technical() ? "기술적 실패 " + reasonAndMeaning + ", " + detail : "정상 거절 " + reasonAndMeaning;
    }
}
