package clinic.simulation.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.options.DataFile.InvalidDataFileException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken copies of students.csv (in src/test/resources/bad-data) are refused naming file, line and column. */
class DataFileTest {

    private static final List<String> STUDENT_COLUMNS = List.of(
            "username",
            "password",
            "name",
            "phone_num",
            "student_phone_num",
            "student_parent_phone_num",
            "school",
            "grade");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "students-renamed-header.csv|❌ data/bad-data/students-renamed-header.csv line 1: column 'username' is "
                        + "missing (header: user_name,password,name,phone_num,student_phone_num,"
                        + "student_parent_phone_num,school,grade; expected: username,password,name,phone_num,"
                        + "student_phone_num,student_parent_phone_num,school,grade)",
                "students-empty-password.csv|❌ data/bad-data/students-empty-password.csv line 3, column 'password': empty",
                "students-short-row.csv|❌ data/bad-data/students-short-row.csv line 3, column 'school': missing (the "
                        + "row has 6 of the header's 8 columns)"
            })
    void aBrokenFileNamesFileLineAndColumn(String file, String message) {
        assertThatThrownBy(() -> DataFile.read("bad-data/" + file, STUDENT_COLUMNS, List.of("username", "password")))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void theProjectsStudentsFileIsValidAndKnowsItsLines() {
        List<DataFile.Row> rows = DataFile.read("students.csv", STUDENT_COLUMNS, STUDENT_COLUMNS);

        assertThat(rows).hasSize(20);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).get("username")).isEqualTo("test_student_01");
    }

    @Test
    void aMissingFileSaysWhereItBelongs() {
        assertThatThrownBy(() -> DataFile.read("no-such.csv", STUDENT_COLUMNS, List.of()))
                .hasMessage("❌ data/no-such.csv is not on the classpath (it belongs in data/)");
    }
}
