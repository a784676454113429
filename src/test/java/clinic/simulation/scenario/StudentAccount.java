package clinic.simulation.scenario;

import clinic.contract.Field;
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
    /** The file's columns are named as the registration's fields. */
    private static final List<String> COLUMNS = List.of(
            Field.USERNAME,
            Field.PASSWORD,
            Field.NAME,
            Field.PHONE_NUM,
            Field.STUDENT_PHONE_NUM,
            Field.STUDENT_PARENT_PHONE_NUM,
            Field.SCHOOL,
            Field.GRADE);
    /** What the contract's registration requires. */
    private static final List<String> REQUIRED = List.of(Field.USERNAME, Field.PASSWORD, Field.NAME);

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
                row.get(Field.USERNAME),
                row.get(Field.PASSWORD),
                row.get(Field.NAME),
                row.get(Field.PHONE_NUM),
                row.get(Field.STUDENT_PHONE_NUM),
                row.get(Field.STUDENT_PARENT_PHONE_NUM),
                row.get(Field.SCHOOL),
                row.get(Field.GRADE));
    }

    /** The full registration body of the contract. */
    public Map<String, Object> registrationPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(Field.USERNAME, username);
        payload.put(Field.PASSWORD, password);
        payload.put(Field.PASSWORD_CONFIRM, password);
        payload.put(Field.NAME, name);
        payload.put(Field.PHONE_NUM, phoneNum);
        payload.put(Field.STUDENT_PHONE_NUM, studentPhoneNum);
        payload.put(Field.STUDENT_PARENT_PHONE_NUM, parentPhoneNum);
        payload.put(Field.SCHOOL, school);
        payload.put(Field.GRADE, grade);
        return payload;
    }

    /** The feeder record of this student's virtual user. */
    public Map<String, Object> feederRecord() {
        return Map.of(SessionKeys.ACCOUNT, this);
    }

    public Map<String, Object> loginPayload() {
        return Map.of(Field.USERNAME, username, Field.PASSWORD, password);
    }
}
