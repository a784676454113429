package clinic.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reservation endpoint's refusals, in the contract's order of checks: each with its HTTP status and
 * the value of its {@code error} field (a code such as {@code occupied}, or production's Korean sentence),
 * and the {@code message} the contract gives beside a code. The reference server answers with these, the
 * load test classifies answers by them.
 */
public enum ReservationError {
    MISSING_IDS(400, "user_id와 clinic_id가 필요합니다.", null),
    /** Reference server only: a body that is not a JSON object with integer ids. */
    INVALID_REQUEST(400, "invalid_request", null),
    /** Reference server only: a student asked for a seat for somebody else. */
    FORBIDDEN(403, "forbidden", "본인 계정으로만 예약할 수 있습니다."),
    UNKNOWN_USER(404, "유효하지 않은 사용자입니다.", null),
    UNKNOWN_CLINIC(404, "유효하지 않은 클리닉입니다.", null),
    RESERVATION_CLOSED(400, "reservation_closed", "보충 예약 가능 기간이 아닙니다."),
    ALREADY_RESERVED(400, "이미 해당 클리닉에 예약되어 있습니다.", null),
    NO_SHOW_BLOCKED(403, "no_show_blocked", null),
    OCCUPIED(409, "occupied", "해당 시간대는 이미 마감되었습니다."),
    /** Declared by production, enforced by the reference server. */
    RATE_LIMITED(429, "rate_limited", null);

    /** What the {@code error} of a 404 starts with, whichever of user or clinic is unknown. */
    public static final String NOT_FOUND_PREFIX = "유효하지 않은 ";
    /** The {@code error} of a 500 starts with this, followed by the failure's detail. */
    public static final String SERVER_ERROR_PREFIX = "클리닉 예약 중 오류가 발생했습니다: ";
    /** The {@code message} of a successful reservation. */
    public static final String RESERVED_MESSAGE = "클리닉 예약이 완료되었습니다.";

    private final int status;
    private final String error;
    private final String message;

    ReservationError(int status, String error, String message) {
        this.status = status;
        this.error = error;
        this.message = message;
    }

    public int status() {
        return status;
    }

    /** The value of the answer's {@code error} field. */
    public String error() {
        return error;
    }

    /** The contract's fixed {@code message} beside the code; null where there is none or it varies. */
    public String message() {
        return message;
    }

    /** The {@code message} of {@link #NO_SHOW_BLOCKED} for a student and the no-shows that block them. */
    public static String noShowBlockedMessage(String studentName, int noShows) {
        return studentName + " 학생은 " + noShows + "회 무단결석하여 금주 보충 예약이 불가능합니다.";
    }

    /** The {@code message} of {@link #RATE_LIMITED}, with the requests left in the window (0 when refused). */
    public static String rateLimitedMessage(int remainingRequests) {
        return "요청 한도를 초과했습니다. 잠시 후 다시 시도해주세요. (남은 요청: " + remainingRequests + "회)";
    }

    /** The refusal a status and {@code error} value stand for, if the contract has one. */
    public static Optional<ReservationError> of(int status, String error) {
        return Arrays.stream(values())
                .filter(refusal -> refusal.status == status && refusal.error.equals(error))
                .findFirst();
    }
}
