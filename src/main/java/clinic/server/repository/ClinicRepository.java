package clinic.server.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * All SQL of the server. Every method runs on the caller's handle, so the service decides where a
 * transaction starts and ends.
 */
public final class ClinicRepository {

    private static final String USER_COLUMNS = """
            u.id, u.username, u.password_hash, u.name, u.phone_num, u.student_phone_num,
            u.student_parent_phone_num, u.school, u.grade, u.email, s.code AS subject_code,
            s.name AS subject_name, u.is_student, u.is_teacher, u.is_staff, u.is_superuser, u.is_active,
            u.no_show, u.non_pass, u.essential_clinic
            """;
    private static final String CLINIC_COLUMNS = """
            c.id, c.clinic_day, c.clinic_time, c.room, s.code AS subject_code, t.name AS teacher_name,
            c.capacity, c.is_active
            """;
    private static final String CLINIC_JOINS = """
            FROM clinics c JOIN subjects s ON s.id = c.subject_id JOIN users t ON t.id = c.teacher_id
            """;

    private static final String INSERT_USER = """
            INSERT INTO users (username, password_hash, name, phone_num, student_phone_num,
                student_parent_phone_num, school, grade, email, subject_id, is_student, is_teacher)
            VALUES (:username, :passwordHash, :name, :phoneNum, :studentPhoneNum,
                :studentParentPhoneNum, :school, :grade, :email, :subjectId, :isStudent, :isTeacher)""";
    /** Rows per statement of the fixture's bulk reads and writes (a 100,000-student fixture). */
    private static final int BATCH_SIZE = 1_000;

    private static final RowMapper<UserAccount> USER_MAPPER = (rs, ctx) -> new UserAccount(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("password_hash"),
            rs.getString("name"),
            rs.getString("phone_num"),
            rs.getString("student_phone_num"),
            rs.getString("student_parent_phone_num"),
            rs.getString("school"),
            rs.getString("grade"),
            rs.getString("email"),
            rs.getString("subject_code"),
            rs.getString("subject_name"),
            rs.getBoolean("is_student"),
            rs.getBoolean("is_teacher"),
            rs.getBoolean("is_staff"),
            rs.getBoolean("is_superuser"),
            rs.getBoolean("is_active"),
            rs.getInt("no_show"),
            rs.getBoolean("non_pass"),
            rs.getBoolean("essential_clinic"));

    private static final RowMapper<ClinicDetails> CLINIC_MAPPER = (rs, ctx) -> new ClinicDetails(
            rs.getLong("id"),
            rs.getString("clinic_day"),
            readTime(rs),
            rs.getString("room"),
            rs.getString("subject_code"),
            rs.getString("teacher_name"),
            rs.getInt("capacity"),
            rs.getBoolean("is_active"));

    /** The seats of clinic {@code c} and whether student {@code :studentId} holds one. */
    private static final String SEATS_COLUMNS = """
            c.reserved_count, EXISTS (SELECT 1 FROM reservations r
                WHERE r.clinic_id = c.id AND r.student_id = :studentId) AS held_by_student""";

    private static final RowMapper<ClinicSeats> SEATS_MAPPER = (rs, ctx) -> new ClinicSeats(
            rs.getLong("id"),
            rs.getInt("capacity"),
            rs.getInt("reserved_count"),
            rs.getBoolean("is_active"),
            rs.getBoolean("held_by_student"));

    private static LocalTime readTime(ResultSet rs) throws SQLException {
        return rs.getObject("clinic_time", LocalTime.class);
    }

    // ---- users and tokens

    public Optional<UserAccount> findUserByUsername(Handle h, String username) {
        return h.createQuery("SELECT " + USER_COLUMNS
                        + " FROM users u LEFT JOIN subjects s ON s.id = u.subject_id WHERE u.username = :username")
                .bind("username", username)
                .map(USER_MAPPER)
                .findOne();
    }

    public Optional<UserAccount> findUserById(Handle h, long id) {
        return h.createQuery("SELECT " + USER_COLUMNS
                        + " FROM users u LEFT JOIN subjects s ON s.id = u.subject_id WHERE u.id = :id")
                .bind("id", id)
                .map(USER_MAPPER)
                .findOne();
    }

    public Optional<UserAccount> findUserByToken(Handle h, String tokenKey) {
        return h.createQuery("SELECT " + USER_COLUMNS + """
                         FROM auth_tokens tk JOIN users u ON u.id = tk.user_id
                         LEFT JOIN subjects s ON s.id = u.subject_id WHERE tk.token_key = :key""")
                .bind("key", tokenKey)
                .map(USER_MAPPER)
                .findOne();
    }

    public long insertUser(Handle h, NewUser user) {
        return h.createUpdate(INSERT_USER)
                .bindMethods(user)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public int countUsers(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one();
    }

    /** Records the login time; the row lock it takes serialises concurrent logins of one user. */
    public void recordLogin(Handle h, long userId) {
        h.createUpdate("UPDATE users SET last_login = CURRENT_TIMESTAMP WHERE id = :id")
                .bind("id", userId)
                .execute();
    }

    public void replaceTokens(Handle h, long userId, String tokenKey) {
        h.createUpdate("DELETE FROM auth_tokens WHERE user_id = :userId")
                .bind("userId", userId)
                .execute();
        h.createUpdate("INSERT INTO auth_tokens (token_key, user_id) VALUES (:key, :userId)")
                .bind("key", tokenKey)
                .bind("userId", userId)
                .execute();
    }

    /** Fixture: the users of these usernames that exist, looked up a thousand at a time. */
    public List<UserAccount> findUsersByUsernames(Handle h, List<String> usernames) {
        List<UserAccount> found = new ArrayList<>();
        for (List<String> chunk : chunks(usernames)) {
            found.addAll(h.createQuery("SELECT " + USER_COLUMNS
                            + " FROM users u LEFT JOIN subjects s ON s.id = u.subject_id"
                            + " WHERE u.username IN (<usernames>)")
                    .bindList("usernames", chunk)
                    .map(USER_MAPPER)
                    .list());
        }
        return found;
    }

    /** Fixture: inserts the users in batches and returns their ids, in the same order. */
    public List<Long> insertUsers(Handle h, List<NewUser> users) {
        List<Long> ids = new ArrayList<>();
        for (List<NewUser> chunk : chunks(users)) {
            PreparedBatch batch = h.prepareBatch(INSERT_USER);
            chunk.forEach(user -> batch.bindMethods(user).add());
            ids.addAll(batch.executePreparedBatch("id").mapTo(Long.class).list());
        }
        return ids;
    }

    /**
     * Fixture: clears the no-show count of test students and, when a hash is given for one, sets its new
     * password, in batches.
     */
    public void resetTestStudents(Handle h, Map<Long, String> newPasswordHashById) {
        for (List<Map.Entry<Long, String>> chunk : chunks(List.copyOf(newPasswordHashById.entrySet()))) {
            PreparedBatch batch = h.prepareBatch("""
                    UPDATE users SET no_show = 0,
                        password_hash = COALESCE(:passwordHash, password_hash) WHERE id = :id""");
            chunk.forEach(entry -> batch.bind("passwordHash", entry.getValue())
                    .bind("id", entry.getKey())
                    .add());
            batch.execute();
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH_SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + BATCH_SIZE)));
        }
        return chunks;
    }

    // ---- subjects

    public Optional<Long> findSubjectId(Handle h, String code) {
        return h.createQuery("SELECT id FROM subjects WHERE code = :code")
                .bind("code", code)
                .mapTo(Long.class)
                .findOne();
    }

    public Optional<Long> findSubjectById(Handle h, long id) {
        return h.createQuery("SELECT id FROM subjects WHERE id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .findOne();
    }

    public long insertSubject(Handle h, String code, String name) {
        return h.createUpdate("INSERT INTO subjects (code, name) VALUES (:code, :name)")
                .bind("code", code)
                .bind("name", name)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    // ---- reservations

    /**
     * The clinic's seats and whether the student holds one, under the clinic row's lock until the
     * transaction ends: concurrent reservations of the clinic queue here.
     */
    public Optional<ClinicSeats> lockClinicSeats(Handle h, long clinicId, long studentId) {
        return h.createQuery("SELECT c.id, c.capacity, c.is_active, " + SEATS_COLUMNS
                        + " FROM clinics c WHERE c.id = :id FOR UPDATE")
                .bind("id", clinicId)
                .bind("studentId", studentId)
                .map(SEATS_MAPPER)
                .findOne();
    }

    /**
     * The same read without a lock, with the clinic's details for the answer, in one round trip: the
     * refusal checks on committed state, and the overbook fault.
     */
    public Optional<SeatsAndDetails> readClinicSeats(Handle h, long clinicId, long studentId) {
        return h.createQuery(
                        "SELECT " + CLINIC_COLUMNS + ", " + SEATS_COLUMNS + " " + CLINIC_JOINS + " WHERE c.id = :id")
                .bind("id", clinicId)
                .bind("studentId", studentId)
                .map((rs, ctx) -> new SeatsAndDetails(SEATS_MAPPER.map(rs, ctx), CLINIC_MAPPER.map(rs, ctx)))
                .findOne();
    }

    /** A clinic as the reservation path reads it before taking the lock. */
    public record SeatsAndDetails(ClinicSeats seats, ClinicDetails details) {}

    /** The seat-counting trigger of migration V2 adds the row to the clinic's reserved_count. */
    public void insertReservation(Handle h, long clinicId, long studentId) {
        h.createUpdate("INSERT INTO reservations (clinic_id, student_id) VALUES (:clinicId, :studentId)")
                .bind("clinicId", clinicId)
                .bind("studentId", studentId)
                .execute();
    }

    /**
     * Overbook fault: overwrites the count kept by the trigger with one computed from an earlier unlocked
     * read (a lost update), so later bookings see seats that are taken.
     */
    public void writeReservedCount(Handle h, long clinicId, int reservedCount) {
        h.createUpdate("UPDATE clinics SET reserved_count = :count WHERE id = :id")
                .bind("count", reservedCount)
                .bind("id", clinicId)
                .execute();
    }

    /** Double-click fault: removes the last line of defence (the server refuses this outside in-memory H2). */
    public void dropOneReservationPerStudentConstraint(Handle h) {
        h.execute("ALTER TABLE reservations DROP CONSTRAINT reservations_one_per_student");
    }

    // ---- schedule

    public List<ClinicDetails> listActiveClinics(Handle h) {
        return h.createQuery("SELECT " + CLINIC_COLUMNS + CLINIC_JOINS + " WHERE c.is_active ORDER BY c.id")
                .map(CLINIC_MAPPER)
                .list();
    }

    /** The reservations of all active clinics, in booking order. */
    public List<RosterEntry> listActiveRosters(Handle h) {
        return h.createQuery("""
                        SELECT r.clinic_id, u.id AS student_id, u.name, u.username
                        FROM reservations r JOIN clinics c ON c.id = r.clinic_id JOIN users u ON u.id = r.student_id
                        WHERE c.is_active ORDER BY r.clinic_id, r.id""")
                .map((rs, ctx) -> new RosterEntry(
                        rs.getLong("clinic_id"),
                        rs.getLong("student_id"),
                        rs.getString("name"),
                        rs.getString("username")))
                .list();
    }

    // ---- fixture

    /**
     * Deletes the clinics on these days taught by teachers whose name starts with the prefix
     * (reservations cascade).
     */
    public int deleteClinicsOfTeachers(Handle h, List<String> days, String teacherNamePrefix) {
        return h.createUpdate("""
                        DELETE FROM clinics WHERE clinic_day IN (<days>)
                        AND teacher_id IN (SELECT id FROM users WHERE name LIKE :prefix)""")
                .bindList("days", days)
                .bind("prefix", teacherNamePrefix + "%")
                .execute();
    }

    /** The clinics taught by teachers whose name starts with the prefix, by id. */
    public List<ClinicDetails> listClinicsOfTeachers(Handle h, String teacherNamePrefix) {
        return h.createQuery("SELECT " + CLINIC_COLUMNS + CLINIC_JOINS + " WHERE t.name LIKE :prefix ORDER BY c.id")
                .bind("prefix", teacherNamePrefix + "%")
                .map(CLINIC_MAPPER)
                .list();
    }

    /** The fixture's lookup of a clinic by its place; no student asks, so none holds a seat. */
    public Optional<ClinicSeats> findClinicAt(Handle h, String day, LocalTime time, String room) {
        return h.createQuery("""
                        SELECT id, capacity, reserved_count, is_active, FALSE AS held_by_student FROM clinics
                        WHERE clinic_day = :day AND clinic_time = :time AND room = :room ORDER BY id""")
                .bind("day", day)
                .bind("time", time)
                .bind("room", room)
                .map(SEATS_MAPPER)
                .findFirst();
    }

    public long insertClinic(
            Handle h, String day, LocalTime time, String room, long subjectId, long teacherId, int capacity) {
        return h.createUpdate("""
                        INSERT INTO clinics (clinic_day, clinic_time, room, subject_id, teacher_id, capacity)
                        VALUES (:day, :time, :room, :subjectId, :teacherId, :capacity)""")
                .bind("day", day)
                .bind("time", time)
                .bind("room", room)
                .bind("subjectId", subjectId)
                .bind("teacherId", teacherId)
                .bind("capacity", capacity)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public void deactivateClinic(Handle h, long clinicId) {
        h.createUpdate("UPDATE clinics SET is_active = FALSE WHERE id = :id")
                .bind("id", clinicId)
                .execute();
    }

    /** Fixture: the no-show count of these users. */
    public void setNoShows(Handle h, List<String> usernames, int noShows) {
        for (List<String> chunk : chunks(usernames)) {
            h.createUpdate("UPDATE users SET no_show = :noShows WHERE username IN (<usernames>)")
                    .bind("noShows", noShows)
                    .bindList("usernames", chunk)
                    .execute();
        }
    }

    public void reactivateClinic(Handle h, long clinicId, int capacity) {
        h.createUpdate("UPDATE clinics SET is_active = TRUE, capacity = :capacity WHERE id = :id")
                .bind("capacity", capacity)
                .bind("id", clinicId)
                .execute();
    }
}
