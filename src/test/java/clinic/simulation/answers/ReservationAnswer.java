package clinic.simulation.answers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A reservation answer read against the contract (production and reference server): its reason, and for
 * a technical failure what went wrong.
 *
 * @param detail why a technical failure is one (empty for business answers)
 */
public record ReservationAnswer(RejectionReason reason, String detail) implements JudgedAnswer {

    static final String ALREADY_RESERVED_ERROR = "이미 해당 클리닉에 예약되어 있습니다.";
    static final String MISSING_IDS_ERROR = "user_id와 clinic_id가 필요합니다.";
    static final String NOT_FOUND_PREFIX = "유효하지 않은 ";

    /** An attempt that got no HTTP answer at all (refused connection, reset, request timeout). */
    public static ReservationAnswer none(NoAnswer why) {
        return new ReservationAnswer(RejectionReason.NETWORK_ERROR, why.label());
    }

    public static ReservationAnswer classify(int status, String body) {
        if (status >= 500) {
            return new ReservationAnswer(RejectionReason.SERVER_ERROR, "HTTP " + status);
        }
        if (status == 429) {
            return business(RejectionReason.RATE_LIMITED);
        }
        Optional<JsonNode> json = SimulationJson.object(body);
        if (json.isEmpty()) {
            return unexpected("HTTP " + status + " with a body that is not a JSON object");
        }
        JsonNode answer = json.get();
        String error = SimulationJson.text(answer, "error");
        switch (status) {
            case 200:
                return answer.path("success").asBoolean(false)
                        ? business(RejectionReason.RESERVED)
                        : unexpected("HTTP 200 without \"success\": true");
            case 409:
                if ("occupied".equals(error)) {
                    return business(RejectionReason.OCCUPIED);
                }
                break;
            case 400:
                if (ALREADY_RESERVED_ERROR.equals(error)) {
                    return business(RejectionReason.ALREADY_RESERVED);
                }
                if ("reservation_closed".equals(error)) {
                    return business(RejectionReason.RESERVATION_CLOSED);
                }
                if (MISSING_IDS_ERROR.equals(error) || "invalid_request".equals(error)) {
                    return business(RejectionReason.INVALID_REQUEST);
                }
                break;
            case 403:
                if ("no_show_blocked".equals(error)) {
                    return business(RejectionReason.NO_SHOW_BLOCKED);
                }
                if ("forbidden".equals(error)) {
                    return business(RejectionReason.FORBIDDEN);
                }
                break;
            case 404:
                if (error != null && error.startsWith(NOT_FOUND_PREFIX)) {
                    return business(RejectionReason.NOT_FOUND);
                }
                break;
            case 401:
                if (answer.hasNonNull("detail")) {
                    return business(RejectionReason.UNAUTHENTICATED);
                }
                break;
            default:
                break;
        }
        return unexpected("HTTP " + status
                + (error == null
                        ? " without an error code"
                        : " with unknown error '" + SimulationJson.quote(error) + "'"));
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
