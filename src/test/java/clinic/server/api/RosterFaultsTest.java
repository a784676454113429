package clinic.server.api;

import static clinic.server.api.FaultyServers.login;
import static clinic.server.api.FaultyServers.openClinic;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Field;
import clinic.contract.ReservationError;
import clinic.server.FaultMode;
import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.testsupport.ApiClient;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.ClinicDatabase;
import clinic.testsupport.TestStudent;
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

    /** The first five fixture students, logged in. */
    private static List<TestStudent> students(ApiClient api) {
        List<TestStudent> students = new ArrayList<>();
        for (int number = 1; number <= BOOKINGS; number++) {
            students.add(login(api, String.format("test_student_%02d", number)));
        }
        return students;
    }

    /** Each student books the clinic, one after another; the answers in that order. */
    private static List<ApiResponse> bookOneAfterAnother(ApiClient api, List<TestStudent> students, long clinic) {
        return students.stream()
                .map(student -> api.reserve(student.token(), student.id(), clinic))
                .toList();
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
            List<TestStudent> students = students(api);
            long clinic = openClinic(server);

            assertThat(bookOneAfterAnother(api, students, clinic))
                    .extracting(ApiResponse::status)
                    .containsOnly(200);
            assertThat(sql.reservedStudentIds(clinic))
                    .containsExactlyInAnyOrder(
                            students.get(1).id(),
                            students.get(2).id(),
                            students.get(3).id());
            assertThat(sql.reservedCount(clinic)).isEqualTo(3);

            long reloaded = reloadedOpenClinic(server);
            assertThat(bookOneAfterAnother(api, students.subList(0, 1), reloaded))
                    .extracting(ApiResponse::status)
                    .containsOnly(200);
            assertThat(sql.reservedStudentIds(reloaded))
                    .as("the first booking after a reload is hit again")
                    .isEmpty();
        }
    }

    @Test
    void phantomStoresTheFirstAndFifthBookingsButAnswersThemOccupiedWithTheSeatCounted() {
        try (ReferenceServer server = FaultyServers.start(Set.of(FaultMode.PHANTOM))) {
            ApiClient api = new ApiClient(server.baseUrl());
            List<TestStudent> students = students(api);
            long clinic = openClinic(server);

            List<ApiResponse> answers = bookOneAfterAnother(api, students, clinic);

            assertThat(answers).extracting(ApiResponse::status).containsExactly(409, 200, 200, 200, 409);
            JsonNode first = answers.get(0).json();
            assertThat(first.path(Field.ERROR).asText()).isEqualTo(ReservationError.OCCUPIED.error());
            assertThat(first.path(Field.CURRENT_COUNT).asInt())
                    .as("the seat just taken counted")
                    .isEqualTo(1);
            assertThat(first.path(Field.CAPACITY).asInt()).isEqualTo(FixtureSpec.DEFAULT_CAPACITY);
            assertThat(new ClinicDatabase(server.dataSource()).reservedStudentIds(clinic))
                    .containsExactlyInAnyOrderElementsOf(
                            students.stream().map(TestStudent::id).toList());
        }
    }
}
