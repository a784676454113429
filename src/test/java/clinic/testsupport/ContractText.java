package clinic.testsupport;

/** The fixed Korean strings of the API contract (/work/shared/api-contract.md), byte for byte. */
public final class ContractText {

    /** Password of every fixture account (test students and teachers). */
    public static final String FIXTURE_PASSWORD = "testpass123";

    public static final String NO_CREDENTIALS = "자격 인증데이터(authentication credentials)가 제공되지 않았습니다.";
    public static final String INVALID_TOKEN = "토큰이 유효하지 않습니다.";

    public static final String REGISTERED = "사용자가 성공적으로 등록되었습니다.";
    public static final String USERNAME_TAKEN = "해당 사용자 이름은 이미 존재합니다.";
    public static final String FIELD_REQUIRED = "이 필드는 필수 항목입니다.";
    public static final String PASSWORDS_DIFFER = "비밀번호가 일치하지 않습니다.";

    public static final String LOGIN_FAILED = "로그인 정보가 올바르지 않습니다.";
    public static final String ACCOUNT_INACTIVE = "계정이 비활성화되어 있습니다.";
    public static final String LOGIN_REDIRECT = "/clinic/reserve";

    public static final String IDS_REQUIRED = "user_id와 clinic_id가 필요합니다.";
    public static final String NO_SUCH_USER = "유효하지 않은 사용자입니다.";
    public static final String NO_SUCH_CLINIC = "유효하지 않은 클리닉입니다.";
    public static final String RESERVATION_CLOSED = "보충 예약 가능 기간이 아닙니다.";
    public static final String ALREADY_RESERVED = "이미 해당 클리닉에 예약되어 있습니다.";
    public static final String OCCUPIED = "해당 시간대는 이미 마감되었습니다.";
    public static final String RESERVED = "클리닉 예약이 완료되었습니다.";
    public static final String RESERVATION_FAILED_PREFIX = "클리닉 예약 중 오류가 발생했습니다: ";
    public static final String FORBIDDEN_OTHER_USER = "본인 계정으로만 예약할 수 있습니다.";
    public static final String CANCELLATION_DISABLED = "예약 취소는 관리자에게 문의하세요!";

    private ContractText() {}

    /** {@code <name> 학생은 <n>회 무단결석하여 금주 보충 예약이 불가능합니다.} */
    public static String noShowBlocked(String name, int count) {
        return name + " 학생은 " + count + "회 무단결석하여 금주 보충 예약이 불가능합니다.";
    }

    /** {@code 요청 한도를 초과했습니다. 잠시 후 다시 시도해주세요. (남은 요청: N회)} */
    public static String rateLimited(int remaining) {
        return "요청 한도를 초과했습니다. 잠시 후 다시 시도해주세요. (남은 요청: " + remaining + "회)";
    }
}
