package clinic.testsupport;

/**
 * Fixed strings of the API contract (/work/shared/api-contract.md) that {@code clinic.contract} does not
 * hold, because only the reference server and its tests meet them; byte for byte.
 */
public final class ContractText {

    /** Password of every fixture account (test students and teachers). */
    public static final String FIXTURE_PASSWORD = "testpass123";

    public static final String LOGIN_REDIRECT = "/clinic/reserve";
    public static final String CANCELLATION_DISABLED = "예약 취소는 관리자에게 문의하세요!";

    private ContractText() {}
}
