package clinic.server.contention;

import static clinic.testsupport.ContractText.FIXTURE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.contract.Field;
import clinic.contract.ReservationError;
import clinic.server.FixtureClinic;
import clinic.server.FixtureSpec;
import clinic.server.FixtureSpec.Clinics;
import clinic.server.ServerConfig;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.Json;
import clinic.testsupport.Race;
import clinic.testsupport.ServerTestBase;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Concurrency claims of the reservation: many students released at one instant against the last seats
 * never overbook, and one student's parallel requests never book twice. Repeated, because one lucky
 * interleaving proves little. The rate limit is off so that every request reaches the reservation.
 */
class ContentionTest extends ServerTestBase {

    private static final int STUDENTS = 200;
    private static final int CAPACITY = 6;
    private static final int PARALLEL_REQUESTS_OF_ONE_STUDENT = 20;
    private static final Duration RACE_DEADLINE = Duration.ofSeconds(60);

    private final List<TestStudent> students = new ArrayList<>();
    private int repetition;

    @Override
    protected ServerConfig configure(ServerConfig config) {
        return config.withRateLimit(0, Duration.ofSeconds(60))
                .withFixture(FixtureSpec.standard().withClinics(Clinics.NONE).withStudents(STUDENTS));
    }

    @Override
    protected void afterServerStart() {
        students.clear();
        for (int n = 1; n <= STUDENTS; n++) {
            students.add(api().logIn(String.format("test_student_%02d", n), FIXTURE_PASSWORD));
        }
    }

    /** A clinic of capacity 6 with no reservation yet. */
    private FixtureClinic freshClinic() {
        return server().server()
                .loadFixture(FixtureSpec.standard().withCapacity(CAPACITY).withStudents(0))
                .clinics()
                .get(0);
    }

    @RepeatedTest(3)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void twoHundredStudentsAtOnceFillSixSeatsExactly() {
        long clinic = freshClinic().id();
        List<Callable<ApiResponse>> requests = students.stream()
                .map(s -> (Callable<ApiResponse>) () -> api().reserve(s.token(), s.id(), clinic))
                .toList();

        List<ApiResponse> answers = Race.run(requests, RACE_DEADLINE);

        assertThat(statusCounts(answers)).isEqualTo(Map.of(200, (long) CAPACITY, 409, (long) (STUDENTS - CAPACITY)));
        JsonNode occupied = Json.object(
                Field.ERROR,
                ReservationError.OCCUPIED.error(),
                Field.MESSAGE,
                ReservationError.OCCUPIED.message(),
                Field.CURRENT_COUNT,
                CAPACITY,
                Field.CAPACITY,
                CAPACITY);
        answers.stream()
                .filter(a -> a.status() == 409)
                .forEach(a -> assertThat(a.json()).isEqualTo(occupied));
        List<Long> winners = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == 200) {
                winners.add(students.get(i).id());
            }
        }
        assertThat(sql().reservedStudentIds(clinic)).containsExactlyInAnyOrderElementsOf(winners);
        assertThat(sql().reservedCount(clinic)).isEqualTo(CAPACITY);
    }

    @RepeatedTest(3)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneStudentsTwentyParallelRequestsBookOnce() {
        long clinic = freshClinic().id();
        TestStudent student = students.get(repetition++ % STUDENTS);
        List<Callable<ApiResponse>> requests = new ArrayList<>();
        for (int i = 0; i < PARALLEL_REQUESTS_OF_ONE_STUDENT; i++) {
            requests.add(() -> api().reserve(student.token(), student.id(), clinic));
        }

        List<ApiResponse> answers = Race.run(requests, RACE_DEADLINE);

        assertThat(statusCounts(answers))
                .isEqualTo(Map.of(200, 1L, 400, (long) (PARALLEL_REQUESTS_OF_ONE_STUDENT - 1)));
        JsonNode already = Json.object(Field.ERROR, ReservationError.ALREADY_RESERVED.error());
        answers.stream()
                .filter(a -> a.status() == 400)
                .forEach(a -> assertThat(a.json()).isEqualTo(already));
        assertThat(sql().reservedStudentIds(clinic)).containsExactly(student.id());
        assertThat(sql().reservedCount(clinic)).isEqualTo(1);
    }

    /** The last line of defence: rows written past the server's checks still cannot overbook. */
    @Test
    void theSchemaItselfRefusesARowBeyondCapacity() {
        long clinic = freshClinic().id();
        for (int i = 0; i < CAPACITY; i++) {
            sql().insertReservationRow(clinic, students.get(i).id());
        }

        assertThatThrownBy(() -> sql().insertReservationRow(
                                clinic, students.get(CAPACITY).id()))
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining("clinics_reserved_within_capacity");
        assertThat(sql().reservationRows(clinic)).isEqualTo(CAPACITY);
        assertThat(sql().reservedCount(clinic)).isEqualTo(CAPACITY);
    }

    @Test
    void theSchemaItselfRefusesASecondRowOfOneStudentInOneClinic() {
        long clinic = freshClinic().id();
        long student = students.get(0).id();
        sql().insertReservationRow(clinic, student);

        assertThatThrownBy(() -> sql().insertReservationRow(clinic, student))
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining("reservations_one_per_student");
        assertThat(sql().reservedStudentIds(clinic)).containsExactly(student);
        assertThat(sql().reservedCount(clinic)).isEqualTo(1);
    }

    private static Map<Integer, Long> statusCounts(List<ApiResponse> answers) {
        return answers.stream().collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
    }
}
