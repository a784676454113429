package clinic.server.api;

import static clinic.contract.AccountMessage.BAD_CREDENTIALS;
import static clinic.contract.AccountMessage.FIELD_REQUIRED;
import static clinic.contract.AccountMessage.INACTIVE_ACCOUNT;
import static clinic.contract.AccountMessage.INVALID_TOKEN;
import static clinic.contract.AccountMessage.NO_CREDENTIALS;
import static clinic.contract.AccountMessage.PASSWORDS_DIFFER;
import static clinic.contract.AccountMessage.REGISTERED;
import static clinic.contract.AccountMessage.USERNAME_TAKEN;
import static clinic.testsupport.ContractText.LOGIN_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.server.FixtureSpec;
import clinic.server.FixtureSpec.Clinics;
import clinic.testsupport.Json;
import clinic.testsupport.ServerTestBase;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
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
        JsonNode health = api().call(Endpoint.HEALTH).send().expect(200);
        assertThat(health.path(Field.STATUS).asText()).isEqualTo(Field.HEALTHY);
        assertThat(health.has(Field.DATABASE)).as("database key in %s", health).isTrue();
        assertThat(health.path(Field.USER_COUNT).asLong()).isEqualTo(sql().userCount());
    }

    @Test
    void registerAnswers201WithMessageAndTheNewIdWhichLoginConfirms() {
        String username = uniqueUsername("reg");
        JsonNode body = api().call(Endpoint.REGISTER)
                .json(registration(
                        username, Field.PASSWORD_CONFIRM, STUDENT_PASSWORD, Field.SCHOOL, "세화고", Field.GRADE, "2학년"))
                .send()
                .expect(201);
        assertThat(body.path(Field.MESSAGE).asText()).isEqualTo(REGISTERED);
        assertThat(body.path(Field.ID).isIntegralNumber())
                .as("integer id in %s", body)
                .isTrue();
        JsonNode user =
                api().loginAnswer(username, STUDENT_PASSWORD).expect(200).path(Field.USER);
        assertThat(user.path(Field.ID).asLong()).isEqualTo(body.path(Field.ID).asLong());
        assertThat(user.path(Field.NAME).asText()).isEqualTo("김학생");
    }

    @Test
    void registerWithAnExistingUsernameIsRejectedAndCreatesNothing() {
        TestStudent existing = newStudent();
        long users = sql().userCount();
        api().call(Endpoint.REGISTER)
                .json(Map.of(Field.USERNAME, existing.username(), Field.PASSWORD, "other-pass-77", Field.NAME, "다른학생"))
                .send()
                .expect(400, Json.object(Field.USERNAME, List.of(USERNAME_TAKEN)));
        assertThat(sql().userCount()).isEqualTo(users);
        assertThat(api().loginAnswer(existing.username(), "other-pass-77").status())
                .isEqualTo(401);
    }

    @Test
    void registerWithoutAnyFieldNamesEveryRequiredField() {
        api().call(Endpoint.REGISTER)
                .json(Map.of())
                .send()
                .expect(
                        400,
                        Json.object(
                                Field.USERNAME, List.of(FIELD_REQUIRED),
                                Field.PASSWORD, List.of(FIELD_REQUIRED),
                                Field.NAME, List.of(FIELD_REQUIRED)));
    }

    @Test
    void registerWithoutNameNamesOnlyName() {
        api().call(Endpoint.REGISTER)
                .json(Map.of(Field.USERNAME, uniqueUsername("noname"), Field.PASSWORD, STUDENT_PASSWORD))
                .send()
                .expect(400, Json.object(Field.NAME, List.of(FIELD_REQUIRED)));
    }

    @Test
    void registerWithDifferingPasswordsIsRejectedAndCreatesNothing() {
        String username = uniqueUsername("differ");
        api().call(Endpoint.REGISTER)
                .json(registration(username, Field.PASSWORD_CONFIRM, STUDENT_PASSWORD + "x"))
                .send()
                .expect(400, Json.object(Field.PASSWORD, List.of(PASSWORDS_DIFFER)));
        assertThat(api().loginAnswer(username, STUDENT_PASSWORD).status()).isEqualTo(401);
    }

    /** Shorter than 8, all digits, very common: each rejected with a list of messages under password. */
    @ParameterizedTest
    @ValueSource(strings = {"sh0rt!", "12345678901", "password"})
    void registerWithAWeakPasswordIsRejectedAndCreatesNothing(String weakPassword) {
        String username = uniqueUsername("weak");
        long users = sql().userCount();
        JsonNode body = api().call(Endpoint.REGISTER)
                .json(registration(username, Field.PASSWORD, weakPassword, Field.PASSWORD_CONFIRM, weakPassword))
                .send()
                .expect(400);
        assertThat(body.size())
                .as("only the password field is wrong in %s", body)
                .isEqualTo(1);
        JsonNode messages = body.path(Field.PASSWORD);
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
        api().call(Endpoint.REGISTER)
                .json(Map.of(Field.USERNAME, username, Field.PASSWORD, STUDENT_PASSWORD, Field.NAME, "김학생"))
                .send()
                .expect(201);
        api().loginAnswer(username, STUDENT_PASSWORD).expect(200);
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
        api().call(Endpoint.REGISTER)
                .json(registration(username, Field.SUBJECT, subject))
                .send()
                .expect(201);
        assertThat(api().loginAnswer(username, STUDENT_PASSWORD)
                        .expect(200)
                        .path(Field.USER)
                        .path(Field.SUBJECT)
                        .asText())
                .isEqualTo("physics1");
    }

    @ParameterizedTest(name = "subject {0}")
    @ValueSource(longs = {999_999, 0, -1})
    void registrationWithASubjectIdThatIsNoSubjectIsRejectedAndCreatesNothing(long subject) {
        long users = sql().userCount();
        JsonNode body = api().call(Endpoint.REGISTER)
                .json(registration(uniqueUsername("nosubject"), Field.SUBJECT, subject))
                .send()
                .expect(400);
        assertThat(body.fieldNames()).toIterable().containsExactly("subject");
        assertThat(sql().userCount()).isEqualTo(users);
    }

    @Test
    void registrationAlwaysCreatesAStudentWhateverTheBodyClaims() {
        String username = uniqueUsername("role");
        api().call(Endpoint.REGISTER)
                .json(registration(
                        username,
                        Field.IS_STUDENT,
                        false,
                        Field.IS_TEACHER,
                        true,
                        Field.IS_STAFF,
                        true,
                        Field.IS_SUPERUSER,
                        true))
                .send()
                .expect(201);
        JsonNode user =
                api().loginAnswer(username, STUDENT_PASSWORD).expect(200).path(Field.USER);
        assertThat(user.path(Field.IS_STUDENT).asBoolean()).isTrue();
        assertThat(user.path(Field.IS_TEACHER).asBoolean()).isFalse();
        assertThat(user.path(Field.IS_STAFF).asBoolean()).isFalse();
    }

    @Test
    void loginAnswersTokenUserRedirectAndPasswordChangeFlag() {
        String username = uniqueUsername("login");
        long id = api().register(username, STUDENT_PASSWORD, "박학생");
        JsonNode body = api().loginAnswer(username, STUDENT_PASSWORD).expect(200);
        assertThat(body.path(Field.TOKEN).asText()).matches(TOKEN_PATTERN);
        assertThat(body.path(Field.REDIRECT).asText()).isEqualTo(LOGIN_REDIRECT);
        assertThat(body.path(Field.NEEDS_PASSWORD_CHANGE).isBoolean()).isTrue();
        assertThat(body.path(Field.NEEDS_PASSWORD_CHANGE).asBoolean()).isFalse();
        JsonNode user = body.path(Field.USER);
        assertThat(user.path(Field.ID).asLong()).isEqualTo(id);
        assertThat(user.path(Field.USERNAME).asText()).isEqualTo(username);
        assertThat(user.path(Field.NAME).asText()).isEqualTo("박학생");
        assertThat(user.path(Field.IS_STUDENT).isBoolean()).isTrue();
        assertThat(user.path(Field.IS_TEACHER).isBoolean()).isTrue();
        assertThat(user.path(Field.IS_STAFF).isBoolean()).isTrue();
        assertThat(user.path(Field.NO_SHOW).isIntegralNumber())
                .as("no_show in %s", user)
                .isTrue();
        assertThat(user.path(Field.NO_SHOW).asInt()).isZero();
    }

    @Test
    void loginWithAWrongPasswordIs401() {
        TestStudent student = newStudent();
        api().loginAnswer(student.username(), student.password() + "x")
                .expect(401, Json.object(Field.ERROR, BAD_CREDENTIALS));
    }

    @Test
    void loginOfAnUnknownUserIs401() {
        api().loginAnswer(uniqueUsername("nobody"), STUDENT_PASSWORD)
                .expect(401, Json.object(Field.ERROR, BAD_CREDENTIALS));
    }

    @Test
    void loginOfAnInactiveAccountIs401() {
        TestStudent student = newStudent();
        sql().setUserActive(student.username(), false);
        api().loginAnswer(student.username(), student.password())
                .expect(401, Json.object(Field.ERROR, INACTIVE_ACCOUNT));
    }

    @Test
    void loginWithoutFieldsNamesTheMissingOnes() {
        api().call(Endpoint.LOGIN)
                .json(Map.of())
                .send()
                .expect(
                        400,
                        Json.object(Field.USERNAME, List.of(FIELD_REQUIRED), Field.PASSWORD, List.of(FIELD_REQUIRED)));
        api().call(Endpoint.LOGIN)
                .json(Map.of(Field.USERNAME, "someone"))
                .send()
                .expect(400, Json.object(Field.PASSWORD, List.of(FIELD_REQUIRED)));
    }

    @Test
    void aNewLoginMakesTheOlderTokenFail() {
        TestStudent student = newStudent();
        String newer = api().login(student.username(), student.password());
        assertThat(newer).isNotEqualTo(student.token());
        api().weeklySchedule(student.token()).expect(401, Json.object(Field.DETAIL, INVALID_TOKEN));
        api().weeklySchedule(newer).expect(200);
    }

    @Test
    void noAuthorizationHeaderIs401NoCredentialsOnEveryProtectedEndpoint() {
        JsonNode expected = Json.object(Field.DETAIL, NO_CREDENTIALS);
        api().call(Endpoint.WEEKLY_SCHEDULE).send().expect(401, expected);
        api().call(Endpoint.RESERVE)
                .json(Map.of(Field.USER_ID, 1, Field.CLINIC_ID, 1))
                .send()
                .expect(401, expected);
        api().call(Endpoint.CANCEL_RESERVATION).json(Map.of()).send().expect(401, expected);
    }

    @Test
    void unknownTokensAre401InvalidToken() {
        JsonNode expected = Json.object(Field.DETAIL, INVALID_TOKEN);
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
        api().call(Endpoint.WEEKLY_SCHEDULE)
                .authorization("Bearer " + student.token())
                .send()
                .expect(401, Json.object(Field.DETAIL, INVALID_TOKEN));
    }

    /**
     * A registration body of {@code username} with the test password and the name 김학생, then
     * {@code moreFields} (names and values) in order; one named again replaces the earlier value.
     */
    private static Map<String, Object> registration(String username, Object... moreFields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Field.USERNAME, username);
        body.put(Field.PASSWORD, STUDENT_PASSWORD);
        body.put(Field.NAME, "김학생");
        for (int i = 0; i < moreFields.length; i += 2) {
            body.put((String) moreFields[i], moreFields[i + 1]);
        }
        return body;
    }
}
