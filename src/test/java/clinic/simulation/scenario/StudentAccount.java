package clinic.simulation.scenario;

import clinic.simulation.options.DataFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture student: the accounts of data/students.csv, then generated ones of the same pattern
 * ({@code test_student_21}, 테스트학생21, 010-1234-0021...) when the run wants more students.
 *
 * @param index 1-based position, also what the student's random stream derives from
 */
public record StudentAccount(
        int index,
        String username,
        String password,
        String name,
        String phoneNum,
        String studentPhoneNum,
        String parentPhoneNum,
        String school,
        String grade) {

    static final String FILE = "students.csv";
    static final String PASSWORD = "testpass123";
    private static final List<String> COLUMNS = List.of(
            "username",
            "password",
            "name",
            "phone_num",
            "student_phone_num",
            "student_parent_phone_num",
            "school",
            "grade");
    /** What the contract's registration requires. */
    private static final List<String> REQUIRED = List.of("username", "password", "name");

    /** The first {@code count} accounts; a bad students.csv is an error naming file, line and column. */
    public static List<StudentAccount> load(int count) {
        List<DataFile.Row> rows = DataFile.read(FILE, COLUMNS, REQUIRED);
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(index -> index <= rows.size() ? fromRow(index, rows.get(index - 1)) : generated(index))
                .toList();
    }

    static StudentAccount generated(int index) {
        String number = String.format("%02d", index);
        return new StudentAccount(
                index,
                "test_student_" + number,
                PASSWORD,
                "테스트학생" + number,
                String.format("010-1234-%04d", index),
                String.format("010-1234-%04d", index),
                String.format("010-5678-%04d", index),
                "세화고",
                "2학년");
    }

    private static StudentAccount fromRow(int index, DataFile.Row row) {
        return new StudentAccount(
                index,
                row.get("username"),
                row.get("password"),
                row.get("name"),
                row.get("phone_num"),
                row.get("student_phone_num"),
                row.get("student_parent_phone_num"),
                row.get("school"),
                row.get("grade"));
    }

    /** The full registration body of the contract. */
    public Map<String, Object> registrationPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("username", username);
        payload.put("password", password);
        payload.put("password_confirm", password);
        payload.put("name", name);
        payload.put("phone_num", phoneNum);
        payload.put("student_phone_num", studentPhoneNum);
        payload.put("student_parent_phone_num", parentPhoneNum);
        payload.put("school", school);
        payload.put("grade", grade);
        return payload;
    }

    /** The feeder record of this student's virtual user. */
    public Map<String, Object> feederRecord() {
        return Map.of(SessionKeys.ACCOUNT, this);
    }

    public Map<String, Object> loginPayload() {
        return Map.of("username", username, "password", password);
    }
}
