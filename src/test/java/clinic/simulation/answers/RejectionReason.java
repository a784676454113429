package clinic.simulation.answers;

/**
 * What a reservation answer means. Business reasons are the backend saying no on purpose; technical
 * ones (server error, unexpected answer, no answer) are failures the audit counts against the backend.
 */
public enum RejectionReason {
    RESERVED("success", false),
    OCCUPIED("occupied", false),
    ALREADY_RESERVED("이미 해당 클리닉에 예약되어 있습니다", false),
    NO_SHOW_BLOCKED("no_show_blocked", false),
    RESERVATION_CLOSED("reservation_closed", false),
    RATE_LIMITED("rate_limited", false),
    FORBIDDEN("forbidden", false),
    INVALID_REQUEST("invalid_request", false),
    NOT_FOUND("유효하지 않은 사용자/클리닉", false),
    UNAUTHENTICATED("토큰 인증 실패", false),
    SERVER_ERROR("서버 오류 (5xx)", true),
    UNEXPECTED_ANSWER("예상하지 못한 응답", true),
    NETWORK_ERROR("네트워크 오류", true);

    private final String originalLabel;
    private final boolean technical;

    RejectionReason(String originalLabel, boolean technical) {
        this.originalLabel = originalLabel;
        this.technical = technical;
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
}
