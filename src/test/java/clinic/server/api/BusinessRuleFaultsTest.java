package clinic.server.api;

import static clinic.testsupport.ContractText.FIXTURE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FaultMode;
import clinic.server.FixtureClinic;
import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.server.ServerConfig;
import clinic.testsupport.ApiClient;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.Race;
import clinic.testsupport.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The reference server's business-rule faults, each one skipping exactly its rule, on the fixture the
 * detection suite uses (the last of 20 students blocked, one closed clinic) and the in-memory H2 database
 * the double-click fault needs. The correct server's side of each rule is in the contract tests.
 */
class BusinessRuleFaultsTest {

    private static final Duration RACE_DEADLINE = Duration.ofSeconds(30);

    private record Student(long id, String token) {}

    private static ReferenceServer start(FaultMode fault) {
        return ReferenceServer.start(ServerConfig.defaults()
                .withPasswordIterations(TestServer.TEST_PASSWORD_ITERATIONS)
                .withFaults(fault == null ? Set.of() : Set.of(fault))
                .withFixture(FixtureSpec.standard().withNoShowStudents(1).withClosedClinics(1)));
    }

    private static Student login(ApiClient api, String username) {
        JsonNode login = api.post("/auth/login/")
                .json(Map.of("username", username, "password", FIXTURE_PASSWORD))
                .send()
                .expect(200);
        return new Student(
                login.path("user").path("id").asLong(), login.path("token").asText());
    }

    private static long openClinic(ReferenceServer server) {
        return server.fixtureReport().clinics().stream()
                .filter(FixtureClinic::active)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static long closedClinic(ReferenceServer server) {
        return server.fixtureReport().clinics().stream()
                .filter(clinic -> !clinic.active())
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void noShowIgnoredLetsTheBlockedStudentBook() {
        try (ReferenceServer server = start(FaultMode.NO_SHOW_IGNORED)) {
            ApiClient api = new ApiClient(server.baseUrl());
            Student blocked = login(api, "test_student_20");

            api.reserve(blocked.token(), blocked.id(), openClinic(server)).expect(200);
            assertThat(api.reserve(blocked.token(), blocked.id(), closedClinic(server))
                            .expect(400)
                            .path("error")
                            .asText())
                    .as("the other rules still hold")
                    .isEqualTo("reservation_closed");
        }
    }

    @Test
    void closedIgnoredLetsAClosedClinicTakeABooking() {
        try (ReferenceServer server = start(FaultMode.CLOSED_IGNORED)) {
            ApiClient api = new ApiClient(server.baseUrl());
            Student student = login(api, "test_student_01");
            Student blocked = login(api, "test_student_20");

            api.reserve(student.token(), student.id(), closedClinic(server)).expect(200);
            assertThat(api.reserve(blocked.token(), blocked.id(), closedClinic(server))
                            .expect(403)
                            .path("error")
                            .asText())
                    .isEqualTo("no_show_blocked");
        }
    }

    @Test
    void foreignBookingLetsAStudentBookForAnother() {
        try (ReferenceServer server = start(FaultMode.FOREIGN_BOOKING)) {
            ApiClient api = new ApiClient(server.baseUrl());
            Student caller = login(api, "test_student_01");
            Student other = login(api, "test_student_02");

            api.reserve(caller.token(), other.id(), openClinic(server)).expect(200);
            assertThat(api.reserve(other.token(), other.id(), openClinic(server))
                            .expect(400)
                            .path("error")
                            .asText())
                    .as("the seat is the other student's")
                    .contains("이미");
        }
    }

    /** The fault's claim is about concurrency: a double click, both requests released at one instant. */
    @RepeatedTest(3)
    void doubleClickBooksTheSameStudentTwiceWhereTheCorrectServerBooksOnce() {
        for (FaultMode fault : new FaultMode[] {FaultMode.DOUBLE_CLICK, null}) {
            try (ReferenceServer server = start(fault)) {
                ApiClient api = new ApiClient(server.baseUrl());
                Student student = login(api, "test_student_01");
                long clinic = openClinic(server);
                Callable<ApiResponse> click = () -> api.reserve(student.token(), student.id(), clinic);

                List<Integer> statuses = Race.run(List.of(click, click), RACE_DEADLINE).stream()
                        .map(ApiResponse::status)
                        .toList();
                JsonNode schedule = api.weeklySchedule(student.token()).expect(200);
                long listed = 0;
                for (JsonNode listedClinic : schedule.path("clinics")) {
                    if (listedClinic.path("clinic_id").asLong() == clinic) {
                        for (JsonNode rostered : listedClinic.path("students")) {
                            listed += rostered.path("id").asLong() == student.id() ? 1 : 0;
                        }
                    }
                }

                if (fault == FaultMode.DOUBLE_CLICK) {
                    assertThat(statuses).containsExactly(200, 200);
                    assertThat(listed).isEqualTo(2);
                } else {
                    assertThat(statuses).containsExactlyInAnyOrder(200, 400);
                    assertThat(listed).isEqualTo(1);
                }
            }
        }
    }
}
