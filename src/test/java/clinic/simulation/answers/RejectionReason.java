package clinic.simulation.answers;

import clinic.contract.Field;
import clinic.contract.ReservationError;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a reservation answer means. Business reasons are the backend saying no on purpose; technical
 * ones (server error, unexpected answer, no answer) are failures the audit counts against the backend.
 * Each business refusal stands for the contract's answers it lists ({@link ReservationError}).
 */
public enum RejectionReason {
    RESERVED(Field.SUCCESS, false),
    OCCUPIED(ReservationError.OCCUPIED.error(), false, ReservationError.OCCUPIED),
    ALREADY_RESERVED(
            withoutFinalPeriod(ReservationError.ALREADY_RESERVED.error()), false, ReservationError.ALREADY_RESERVED),
    NO_SHOW_BLOCKED(ReservationError.NO_SHOW_BLOCKED.error(), false, ReservationError.NO_SHOW_BLOCKED),
    RESERVATION_CLOSED(ReservationError.RESERVATION_CLOSED.error(), false, ReservationError.RESERVATION_CLOSED),
    RATE_LIMITED(ReservationError.RATE_LIMITED.error(), false, ReservationError.RATE_LIMITED),
    FORBIDDEN(ReservationError.FORBIDDEN.error(), false, ReservationError.FORBIDDEN),
    INVALID_REQUEST(
            ReservationError.INVALID_REQUEST.error(),
            false,
            ReservationError.INVALID_REQUEST,
            ReservationError.MISSING_IDS),
    NOT_FOUND("유효하지 않은 사용자/클리닉", false, ReservationError.UNKNOWN_USER, ReservationError.UNKNOWN_CLINIC),
    UNAUTHENTICATED("토큰 인증 실패", false),
    SERVER_ERROR("서버 오류 (5xx)", true),
    UNEXPECTED_ANSWER("예상하지 못한 응답", true),
    NETWORK_ERROR("네트워크 오류", true);

    private final String originalLabel;
    private final boolean technical;
    private final List<ReservationError> refusals;

    RejectionReason(String originalLabel, boolean technical, ReservationError... refusals) {
        this.originalLabel = originalLabel;
        this.technical = technical;
        this.refusals = List.of(refusals);
    }

    /** The reason of one of the contract's refusals. */
    public static Optional<RejectionReason> of(ReservationError refusal) {
        return Arrays.stream(values())
                .filter(reason -> reason.refusals.contains(refusal))
                .findFirst();
    }

    /** The key the original tool's failure analysis printed for this kind of answer. */
    public String originalLabel() {
        return originalLabel;
    }

    public boolean technical() {
        return technical;
    }

    /**
     * What the answer means, in the words of the original tool's failure analysis where it had some
     * ({@code occupied}: 정원 초과 (정상적인 경합 상황)); Gatling's Errors table and the clinic report show it.
     */
    public String meaning() {
        return switch (this) {
            case RESERVED -> "예약 성공";
            case OCCUPIED -> "정원 초과 (정상적인 경합 상황)";
            case ALREADY_RESERVED -> "중복 예약 시도";
            case NO_SHOW_BLOCKED -> "노쇼로 인한 예약 제한";
            case RESERVATION_CLOSED -> "예약 기간 제한";
            case RATE_LIMITED -> "요청 한도 초과 (학생당 예약 요청 수)";
            case FORBIDDEN -> "다른 학생의 예약 시도 (권한 없음)";
            case INVALID_REQUEST -> "잘못된 예약 요청 (user_id, clinic_id)";
            case NOT_FOUND -> "유효하지 않은 사용자/클리닉";
            case UNAUTHENTICATED -> "토큰 인증 실패";
            case SERVER_ERROR -> "서버 오류 (5xx)";
            case UNEXPECTED_ANSWER -> "예상하지 못한 응답";
            case NETWORK_ERROR -> "네트워크 오류 (응답 없음)";
        };
    }

    /** The original tool printed production's sentence without its final period. */
    private static String withoutFinalPeriod(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
