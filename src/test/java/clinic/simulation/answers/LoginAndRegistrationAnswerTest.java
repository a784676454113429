package clinic.simulation.answers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginAndRegistrationAnswerTest {

    @Test
    void registrationCreatedOrExistingAccountIsFine() {
        assertThat(RegistrationAnswer.classify(201, "{\"message\":\"사용자가 성공적으로 등록되었습니다.\",\"id\":3}")
                        .kind())
                .isEqualTo(RegistrationAnswer.Kind.CREATED);
        RegistrationAnswer reused = RegistrationAnswer.classify(400, "{\"username\":[\"해당 사용자 이름은 이미 존재합니다.\"]}");
        assertThat(reused.kind()).isEqualTo(RegistrationAnswer.Kind.REUSED);
        assertThat(reused.ok()).isTrue();
    }

    @Test
    void registrationRefusalNamesTheFields() {
        RegistrationAnswer refused = RegistrationAnswer.classify(
                400, "{\"name\":[\"이 필드는 필수 항목입니다.\"],\"password\":[\"비밀번호가 일치하지 않습니다.\"]}");

        assertThat(refused.ok()).isFalse();
        assertThat(refused.failure()).isEqualTo("registration refused (HTTP 400) on fields: name, password");
    }

    @Test
    void registrationServerErrorIsRefused() {
        RegistrationAnswer refused = RegistrationAnswer.classify(500, "oops");

        assertThat(refused.ok()).isFalse();
        assertThat(refused.failure()).isEqualTo("registration failed: HTTP 500 (body is not JSON)");
    }

    @Test
    void loginKeepsTokenAndUserId() {
        LoginAnswer login = LoginAnswer.classify(
                200,
                "{\"token\":\"" + "a".repeat(40) + "\",\"user\":{\"id\":31,"
                        + "\"username\":\"test_student_03\"},\"redirect\":\"/clinic/reserve\"}");

        assertThat(login.ok()).isTrue();
        assertThat(login.token()).isEqualTo("a".repeat(40));
        assertThat(login.studentId()).isEqualTo(31L);
    }

    @Test
    void loginRefusalsSayWhy() {
        assertThat(LoginAnswer.classify(401, "{\"error\":\"로그인 정보가 올바르지 않습니다.\"}")
                        .failure())
                .isEqualTo("login refused: HTTP 401 로그인 정보가 올바르지 않습니다.");
        assertThat(LoginAnswer.classify(500, "").failure()).isEqualTo("login refused: HTTP 500");
        assertThat(LoginAnswer.classify(200, "{\"token\":\"x\"}").failure())
                .isEqualTo("login answered 200 without token and user.id");
    }
}
