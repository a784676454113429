package clinic.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudentAccountTest {

    @Test
    void theDataFileHoldsTheTwentyFixtureStudents() {
        List<StudentAccount> accounts = StudentAccount.load(20);

        assertThat(accounts).hasSize(20);
        assertThat(accounts.get(0))
                .isEqualTo(new StudentAccount(
                        1,
                        "test_student_01",
                        "testpass123",
                        "테스트학생01",
                        "010-1234-0001",
                        "010-1234-0001",
                        "010-5678-0001",
                        "세화고",
                        "2학년"));
        assertThat(accounts)
                .extracting(StudentAccount::index)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void moreStudentsThanTheFileAreGeneratedInTheSamePattern() {
        List<StudentAccount> accounts = StudentAccount.load(120);

        assertThat(accounts.get(19)).isEqualTo(StudentAccount.generated(20));
        assertThat(accounts.get(20))
                .isEqualTo(new StudentAccount(
                        21,
                        "test_student_21",
                        "testpass123",
                        "테스트학생21",
                        "010-1234-0021",
                        "010-1234-0021",
                        "010-5678-0021",
                        "세화고",
                        "2학년"));
        assertThat(accounts.get(119).username()).isEqualTo("test_student_120");
        assertThat(accounts).extracting(StudentAccount::username).doesNotHaveDuplicates();
    }

    @Test
    void registrationCarriesTheFullPayload() {
        assertThat(StudentAccount.generated(3).registrationPayload())
                .containsOnlyKeys(
                        "username",
                        "password",
                        "password_confirm",
                        "name",
                        "phone_num",
                        "student_phone_num",
                        "student_parent_phone_num",
                        "school",
                        "grade")
                .containsEntry("password_confirm", "testpass123");
    }
}
