package clinic.contract;

/** The fixed Korean texts of the contract's account answers: registration, login and authentication. */
public final class AccountMessage {

    /** A 400 of registration for a taken username, in its {@code username} list. */
    public static final String USERNAME_TAKEN = "해당 사용자 이름은 이미 존재합니다.";
    /** The part of {@link #USERNAME_TAKEN} a client can rely on across backends' wordings. */
    public static final String USERNAME_TAKEN_MARK = "이미 존재";

    public static final String REGISTERED = "사용자가 성공적으로 등록되었습니다.";
    /** A 400 of registration or login, in the list of each missing field. */
    public static final String FIELD_REQUIRED = "이 필드는 필수 항목입니다.";
    /** A 400 of registration when {@code password_confirm} differs, in the {@code password} list. */
    public static final String PASSWORDS_DIFFER = "비밀번호가 일치하지 않습니다.";
    /** A 401 of login: wrong password or unknown user. */
    public static final String BAD_CREDENTIALS = "로그인 정보가 올바르지 않습니다.";
    /** A 401 of login for an inactive account. */
    public static final String INACTIVE_ACCOUNT = "계정이 비활성화되어 있습니다.";
    /** The {@code detail} of a 401 without an Authorization header. */
    public static final String NO_CREDENTIALS = "자격 인증데이터(authentication credentials)가 제공되지 않았습니다.";
    /** The {@code detail} of a 401 with an unknown or stale token. */
    public static final String INVALID_TOKEN = "토큰이 유효하지 않습니다.";

    private AccountMessage() {}
}
