package clinic.server.api;

import static clinic.server.api.FaultyServers.login;
import static clinic.server.api.FaultyServers.openClinic;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FaultMode;
import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.server.api.FaultyServers.Student;
import clinic.testsupport.ApiClient;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.ClinicDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The counting faults that leave the rosters wrong hit the 1st, 5th, 9th... successful booking of a server,
 * and start counting again when the fixture is reloaded. Bookings are made one after another, so which one
 * is hit is known.
 */
class RosterFaultsTest {

    /** Five bookings: the 1st and the 5th are hit. */
    private static final int BOOKINGS = FaultMode.EVERY_NTH + 1;

    private static List<Student> students(ApiClient api, int count) {
        List<Student> students = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            students.add(login(api, String.format("test_student_%02d", number)));
        }
        return students;
    }

    /** The servers' fixture loaded again: fresh clinics, no seat taken. */
    private static long reloadedOpenClinic(ReferenceServer server) {
        return openClinic(server.loadFixture(FaultyServers.FIXTURE));
    }

    @Test
    void lostWriteAnswers200ButStoresNeitherTheFirstNorTheFifthBookingAndCountsAgainAfterAReload() {
        try (ReferenceServer server = FaultyServers.start(Set.of(FaultMode.LOST_WRITE))) {
            ApiClient api = new ApiClient(server.baseUrl());
            ClinicDatabase sql = new ClinicDatabase(server.dataSource());
            List<Student> students = students(api, BOOKINGS);
            long clinic = openClinic(server);

            for (Student student : students) {
                api.reserve(student.token(), student.id(), clinic).expect(200);
            }

            assertThat(sql.reservedStudentIds(clinic))
                    .containsExactlyInAnyOrder(
                            students.get(1).id(),
                            students.get(2).id(),
                            students.get(3).id());
            assertThat(sql.reservedCount(clinic)).isEqualTo(3);

            long reloaded = reloadedOpenClinic(server);
            Student first = students.get(0);
            api.reserve(first.token(), first.id(), reloaded).expect(200);
            assertThat(sql.reservedStudentIds(reloaded))
                    .as("the first booking after a reload is hit again")
                    .isEmpty();
        }
    }

    @Test
    void phantomStoresTheFirstAndFifthBookingsButAnswersThemOccupiedWithTheSeatCounted() {
        try (ReferenceServer server = FaultyServers.start(Set.of(FaultMode.PHANTOM))) {
            ApiClient api = new ApiClient(server.baseUrl());
            ClinicDatabase sql = new ClinicDatabase(server.dataSource());
            List<Student> students = students(api, BOOKINGS);
            long clinic = openClinic(server);

            List<Integer> statuses = new ArrayList<>();
            JsonNode firstAnswer = null;
            for (Student student : students) {
                ApiResponse answer = api.reserve(student.token(), student.id(), clinic);
                statuses.add(answer.status());
                firstAnswer = firstAnswer == null ? answer.json() : firstAnswer;
            }

            assertThat(statuses).containsExactly(409, 200, 200, 200, 409);
            assertThat(firstAnswer.path("error").asText()).isEqualTo("occupied");
            assertThat(firstAnswer.path("current_count").asInt()).isEqualTo(1);
            assertThat(firstAnswer.path("capacity").asInt()).isEqualTo(FixtureSpec.DEFAULT_CAPACITY);
            assertThat(sql.reservedStudentIds(clinic))
                    .containsExactlyInAnyOrderElementsOf(
                            students.stream().map(Student::id).toList());
        }
    }
}
