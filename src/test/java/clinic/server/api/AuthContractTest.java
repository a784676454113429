package clinic.server.api;

import static clinic.testsupport.ContractText.ACCOUNT_INACTIVE;
import static clinic.testsupport.ContractText.FIELD_REQUIRED;
import static clinic.testsupport.ContractText.INVALID_TOKEN;
import static clinic.testsupport.ContractText.LOGIN_FAILED;
import static clinic.testsupport.ContractText.LOGIN_REDIRECT;
import static clinic.testsupport.ContractText.NO_CREDENTIALS;
import static clinic.testsupport.ContractText.PASSWORDS_DIFFER;
import static clinic.testsupport.ContractText.REGISTERED;
import static clinic.testsupport.ContractText.USERNAME_TAKEN;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FixtureSpec;
import clinic.server.FixtureSpec.Clinics;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.Json;
import clinic.testsupport.ServerTestBase;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract: health, registration, login and the token rules. */
class AuthContractTest extends ServerTestBase {

    private static final String TOKEN_PATTERN = "[0-9a-f]{40}";

    @Test
    void healthReportsHealthyAndTheUserCount() {
        newStudent();
        JsonNode health = api().get("/health/").send().expect(200);
        assertThat(health.path("status").asText()).isEqualTo("healthy");
        assertThat(health.has("database")).as("database key in %s", health).isTrue();
        assertThat(health.path("user_count").asLong()).isEqualTo(sql().userCount());
    }

    @Test
    void registerAnswers201WithMessageAndTheNewIdWhichLoginConfirms() {
        String username = uniqueUsername("reg");
        JsonNode body = api().post("/auth/register/")
                .json(Map.of(
                        "username",
                        username,
                        "password",
                        STUDENT_PASSWORD,
                        "password_confirm",
                        STUDENT_PASSWORD,
                        "name",
                        "김학생",
                        "school",
                        "세화고",
                        "grade",
                        "2학년"))
                .send()
                .expect(201);
        assertThat(body.path("message").asText()).isEqualTo(REGISTERED);
        assertThat(body.path("id").isIntegralNumber())
                .as("integer id in %s", body)
                .isTrue();
        JsonNode user = login(username, STUDENT_PASSWORD).expect(200).path("user");
        assertThat(user.path("id").asLong()).isEqualTo(body.path("id").asLong());
        assertThat(user.path("name").asText()).isEqualTo("김학생");
    }

    @Test
    void registerWithAnExistingUsernameIsRejectedAndCreatesNothing() {
        TestStudent existing = newStudent();
        long users = sql().userCount();
        api().post("/auth/register/")
                .json(Map.of("username", existing.username(), "password", "other-pass-77", "name", "다른학생"))
                .send()
                .expect(400, Json.object("username", List.of(USERNAME_TAKEN)));
        assertThat(sql().userCount()).isEqualTo(users);
        assertThat(login(existing.username(), "other-pass-77").status()).isEqualTo(401);
    }

    @Test
    void registerWithoutAnyFieldNamesEveryRequiredField() {
        api().post("/auth/register/")
                .json(Map.of())
                .send()
                .expect(
                        400,
                        Json.object(
                                "username", List.of(FIELD_REQUIRED),
                                "password", List.of(FIELD_REQUIRED),
                                "name", List.of(FIELD_REQUIRED)));
    }

    @Test
    void registerWithoutNameNamesOnlyName() {
        api().post("/auth/register/")
                .json(Map.of("username", uniqueUsername("noname"), "password", STUDENT_PASSWORD))
                .send()
                .expect(400, Json.object("name", List.of(FIELD_REQUIRED)));
    }

    @Test
    void registerWithDifferingPasswordsIsRejectedAndCreatesNothing() {
        String username = uniqueUsername("differ");
        api().post("/auth/register/")
                .json(Map.of(
                        "username",
                        username,
                        "password",
                        STUDENT_PASSWORD,
                        "password_confirm",
                        STUDENT_PASSWORD + "x",
                        "name",
                        "김학생"))
                .send()
                .expect(400, Json.object("password", List.of(PASSWORDS_DIFFER)));
        assertThat(login(username, STUDENT_PASSWORD).status()).isEqualTo(401);
    }

    /** Shorter than 8, all digits, very common: each rejected with a list of messages under password. */
    @ParameterizedTest
    @ValueSource(strings = {"sh0rt!", "12345678901", "password"})
    void registerWithAWeakPasswordIsRejectedAndCreatesNothing(String weakPassword) {
        String username = uniqueUsername("weak");
        long users = sql().userCount();
        JsonNode body = api().post("/auth/register/")
                .json(Map.of(
                        "username",
                        username,
                        "password",
                        weakPassword,
                        "password_confirm",
                        weakPassword,
                        "name",
                        "김학생"))
                .send()
                .expect(400);
        assertThat(body.size())
                .as("only the password field is wrong in %s", body)
                .isEqualTo(1);
        JsonNode messages = body.path("password");
        assertThat(messages.isArray() && messages.size() > 0)
                .as("password messages in %s", body)
                .isTrue();
        messages.forEach(
                message -> assertThat(message.isTextual() && !message.asText().isBlank())
                        .as("message %s", message)
                        .isTrue());
        assertThat(sql().userCount()).isEqualTo(users);
    }

    @Test
    void passwordConfirmIsOptional() {
        String username = uniqueUsername("noconfirm");
        api().post("/auth/register/")
                .json(Map.of("username", username, "password", STUDENT_PASSWORD, "name", "김학생"))
                .send()
                .expect(201);
        login(username, STUDENT_PASSWORD).expect(200);
    }

    /** Production's registration takes the subject's id, as the original Python tool sends it, or its code. */
    @ParameterizedTest(name = "subject as {0}")
    @ValueSource(strings = {"id", "id as text", "code"})
    void registrationTakesTheSubjectByIdOrByCode(String form) {
        server().server()
                .loadFixture(FixtureSpec.standard()
                        .withClinics(Clinics.KEEP_EXISTING)
                        .withStudents(0));
        long id = sql().subjectId("physics1");
        Object subject = switch (form) {
            case "id" -> id;
            case "id as text" -> Long.toString(id);
            default -> "physics1";
        };
        String username = uniqueUsername("subject");
        api().post("/auth/register/")
                .json(Map.of("username", username, "password", STUDENT_PASSWORD, "name", "김학생", "subject", subject))
                .send()
                .expect(201);
        assertThat(login(username, STUDENT_PASSWORD)
                        .expect(200)
                        .path("user")
                        .path("subject")
                        .asText())
                .isEqualTo("physics1");
    }

    @ParameterizedTest(name = "subject {0}")
    @ValueSource(longs = {999_999, 0, -1})
    void registrationWithASubjectIdThatIsNoSubjectIsRejectedAndCreatesNothing(long subject) {
        long users = sql().userCount();
        JsonNode body = api().post("/auth/register/")
                .json(Map.of(
                        "username",
                        uniqueUsername("nosubject"),
                        "password",
                        STUDENT_PASSWORD,
                        "name",
                        "김학생",
                        "subject",
                        subject))
                .send()
                .expect(400);
        assertThat(body.fieldNames()).toIterable().containsExactly("subject");
        assertThat(sql().userCount()).isEqualTo(users);
    }

    @Test
    void registrationAlwaysCreatesAStudentWhateverTheBodyClaims() {
        String username = uniqueUsername("role");
        api().post("/auth/register/")
                .json(Map.of(
                        "username",
                        username,
                        "password",
                        STUDENT_PASSWORD,
                        "name",
                        "김학생",
                        "is_student",
                        false,
                        "is_teacher",
                        true,
                        "is_staff",
                        true,
                        "is_superuser",
                        true))
                .send()
                .expect(201);
        JsonNode user = login(username, STUDENT_PASSWORD).expect(200).path("user");
        assertThat(user.path("is_student").asBoolean()).isTrue();
        assertThat(user.path("is_teacher").asBoolean()).isFalse();
        assertThat(user.path("is_staff").asBoolean()).isFalse();
    }

    @Test
    void loginAnswersTokenUserRedirectAndPasswordChangeFlag() {
        String username = uniqueUsername("login");
        long id = api().register(username, STUDENT_PASSWORD, "박학생");
        JsonNode body = login(username, STUDENT_PASSWORD).expect(200);
        assertThat(body.path("token").asText()).matches(TOKEN_PATTERN);
        assertThat(body.path("redirect").asText()).isEqualTo(LOGIN_REDIRECT);
        assertThat(body.path("needs_password_change").isBoolean()).isTrue();
        assertThat(body.path("needs_password_change").asBoolean()).isFalse();
        JsonNode user = body.path("user");
        assertThat(user.path("id").asLong()).isEqualTo(id);
        assertThat(user.path("username").asText()).isEqualTo(username);
        assertThat(user.path("name").asText()).isEqualTo("박학생");
        assertThat(user.path("is_student").isBoolean()).isTrue();
        assertThat(user.path("is_teacher").isBoolean()).isTrue();
        assertThat(user.path("is_staff").isBoolean()).isTrue();
        assertThat(user.path("no_show").isIntegralNumber())
                .as("no_show in %s", user)
                .isTrue();
        assertThat(user.path("no_show").asInt()).isZero();
    }

    @Test
    void loginWithAWrongPasswordIs401() {
        TestStudent student = newStudent();
        login(student.username(), student.password() + "x").expect(401, Json.object("error", LOGIN_FAILED));
    }

    @Test
    void loginOfAnUnknownUserIs401() {
        login(uniqueUsername("nobody"), STUDENT_PASSWORD).expect(401, Json.object("error", LOGIN_FAILED));
    }

    @Test
    void loginOfAnInactiveAccountIs401() {
        TestStudent student = newStudent();
        sql().setUserActive(student.username(), false);
        login(student.username(), student.password()).expect(401, Json.object("error", ACCOUNT_INACTIVE));
    }

    @Test
    void loginWithoutFieldsNamesTheMissingOnes() {
        api().post("/auth/login/")
                .json(Map.of())
                .send()
                .expect(400, Json.object("username", List.of(FIELD_REQUIRED), "password", List.of(FIELD_REQUIRED)));
        api().post("/auth/login/")
                .json(Map.of("username", "someone"))
                .send()
                .expect(400, Json.object("password", List.of(FIELD_REQUIRED)));
    }

    @Test
    void aNewLoginMakesTheOlderTokenFail() {
        TestStudent student = newStudent();
        String newer = api().login(student.username(), student.password());
        assertThat(newer).isNotEqualTo(student.token());
        api().weeklySchedule(student.token()).expect(401, Json.object("detail", INVALID_TOKEN));
        api().weeklySchedule(newer).expect(200);
    }

    @Test
    void noAuthorizationHeaderIs401NoCredentialsOnEveryProtectedEndpoint() {
        JsonNode expected = Json.object("detail", NO_CREDENTIALS);
        api().get("/clinics/weekly-schedule/").send().expect(401, expected);
        api().post("/clinics/reserve/")
                .json(Map.of("user_id", 1, "clinic_id", 1))
                .send()
                .expect(401, expected);
        api().post("/clinics/cancel-reservation/").json(Map.of()).send().expect(401, expected);
    }

    @Test
    void unknownTokensAre401InvalidToken() {
        JsonNode expected = Json.object("detail", INVALID_TOKEN);
        api().weeklySchedule("0123456789abcdef0123456789abcdef01234567").expect(401, expected);
        api().weeklySchedule("not-a-token").expect(401, expected);
    }

    /**
     * The contract does not accept {@code Bearer}; the reference server documents (ClinicService) that any
     * other scheme is an invalid token, even with a valid key.
     */
    @Test
    void bearerSchemeIsAnInvalidToken() {
        TestStudent student = newStudent();
        api().get("/clinics/weekly-schedule/")
                .authorization("Bearer " + student.token())
                .send()
                .expect(401, Json.object("detail", INVALID_TOKEN));
    }

    private ApiResponse login(String username, String password) {
        return api().post("/auth/login/")
                .json(Map.of("username", username, "password", password))
                .send();
    }
}
