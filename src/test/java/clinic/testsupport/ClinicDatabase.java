package clinic.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Direct SQL on the reference server's tables, for what the API cannot do (deactivate an account, make a
 * staff member, add clinics on other days) and for checking the stored truth after requests. Every
 * table and column name of the server's schema that tests use lives here.
 */
public final class ClinicDatabase {

    private final DataSource dataSource;
    private final Jdbi jdbi;

    public ClinicDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Row count of every table of the current schema, by lower-case table name: one statement on one
     * connection, so the counts are of one moment (and the property tests call this after every request).
     */
    public Map<String, Long> rowCountsOfEveryTable() {
        try (Connection connection = dataSource.getConnection()) {
            List<String> counting = new ArrayList<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs =
                    meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    counting.add("SELECT '" + table + "', COUNT(*) FROM \"" + table + "\"");
                }
            }
            if (counting.isEmpty()) {
                throw new IllegalStateException("no tables found in schema " + connection.getSchema());
            }
            Map<String, Long> counts = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(String.join(" UNION ALL ", counting))) {
                while (rows.next()) {
                    counts.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows: " + e.getMessage(), e);
        }
    }

    public long userCount() {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
    }

    public void setUserActive(String username, boolean active) {
        updateUser("UPDATE users SET is_active = :value WHERE username = :username", username, active);
    }

    public void setNoShow(String username, int noShow) {
        updateUser("UPDATE users SET no_show = :value WHERE username = :username", username, noShow);
    }

    public void makeStaff(String username) {
        updateUser("UPDATE users SET is_staff = :value WHERE username = :username", username, true);
    }

    public void setPasswordHash(String username, String hash) {
        updateUser("UPDATE users SET password_hash = :value WHERE username = :username", username, hash);
    }

    /** One user's row, by lower-case column name. */
    public Map<String, Object> userRow(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE username = :username")
                .bind("username", username)
                .mapToMap()
                .one());
    }

    public String passwordHash(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE username = :username")
                .bind("username", username)
                .mapTo(String.class)
                .one());
    }

    private void updateUser(String sql, String username, Object value) {
        int rows = jdbi.withHandle(h -> h.createUpdate(sql)
                .bind("value", value)
                .bind("username", username)
                .execute());
        if (rows != 1) {
            throw new IllegalStateException("expected one user '" + username + "', updated " + rows);
        }
    }

    /** The id of the subject with this code (e.g. {@code physics1}). */
    public long subjectId(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM subjects WHERE code = :code")
                .bind("code", code)
                .mapTo(Long.class)
                .one());
    }

    public void setClinicActive(long clinicId, boolean active) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE clinics SET is_active = :active WHERE id = :id")
                .bind("active", active)
                .bind("id", clinicId)
                .execute());
    }

    /**
     * A new active clinic like {@code templateId} (same teacher and subject) at another day, time and room;
     * returns its id. {@code time} is {@code HH:mm}.
     */
    public long copyClinic(long templateId, String day, String time, String room) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO clinics (clinic_day, clinic_time, room, subject_id, teacher_id, capacity, is_active)
                SELECT :day, CAST(:time AS TIME), :room, subject_id, teacher_id, capacity, TRUE
                FROM clinics WHERE id = :template""")
                .bind("day", day)
                .bind("time", time + ":00")
                .bind("room", room)
                .bind("template", templateId)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** Removes every clinic with its reservations. */
    public void deleteAllClinics() {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM reservations");
            h.execute("DELETE FROM clinics");
        });
    }

    /** Deletes the fixture's students (with their tokens and reservations), so a count starts from none. */
    public void deleteTestStudents() {
        jdbi.useHandle(h -> h.execute("DELETE FROM users WHERE username LIKE 'test\\_student\\_%' ESCAPE '\\'"));
    }

    /** A clinic row as stored, with its teacher's name; {@code time} is {@code HH:mm}. */
    public record StoredClinic(
            long id, String day, String time, String room, String teacherName, int capacity, boolean active) {}

    /** Every clinic on {@code day} (e.g. {@code mon}), by id. */
    public List<StoredClinic> clinicsOn(String day) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT c.id, c.clinic_day, c.clinic_time, c.room, u.name, c.capacity, c.is_active
                FROM clinics c JOIN users u ON u.id = c.teacher_id
                WHERE c.clinic_day = :day ORDER BY c.id""")
                .bind("day", day)
                .map((rs, ctx) -> new StoredClinic(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalTime.class).format(DateTimeFormatter.ofPattern("HH:mm")),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getBoolean(7)))
                .list());
    }

    /** Reservation rows of one clinic: the truth the capacity is about. */
    public long reservationRows(long clinicId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reservations WHERE clinic_id = :id")
                .bind("id", clinicId)
                .mapTo(Long.class)
                .one());
    }

    /** Inserts a reservation row straight into the table, past the server: what the schema alone allows. */
    public void insertReservationRow(long clinicId, long studentId) {
        jdbi.useHandle(
                h -> h.createUpdate("INSERT INTO reservations (clinic_id, student_id) VALUES (:clinic, :student)")
                        .bind("clinic", clinicId)
                        .bind("student", studentId)
                        .execute());
    }

    /** Overwrites the clinic's counter column, to tell apart what reads the counter and what counts rows. */
    public void setReservedCount(long clinicId, int count) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE clinics SET reserved_count = :count WHERE id = :id")
                .bind("count", count)
                .bind("id", clinicId)
                .execute());
    }

    /** The students holding a reservation of one clinic, one entry per row (duplicates kept). */
    public List<Long> reservedStudentIds(long clinicId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT student_id FROM reservations WHERE clinic_id = :id ORDER BY student_id")
                        .bind("id", clinicId)
                        .mapTo(Long.class)
                        .list());
    }

    /** The clinic's own counter column, kept in step with its reservation rows. */
    public int reservedCount(long clinicId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT reserved_count FROM clinics WHERE id = :id")
                .bind("id", clinicId)
                .mapTo(Integer.class)
                .one());
    }
}
