package clinic.server.api;

import static clinic.server.api.FaultyServers.closedClinic;
import static clinic.server.api.FaultyServers.login;
import static clinic.server.api.FaultyServers.openClinic;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Field;
import clinic.contract.ReservationError;
import clinic.server.FaultMode;
import clinic.server.ReferenceServer;
import clinic.testsupport.ApiClient;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.Race;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The reference server's business-rule faults, each one skipping exactly its rule ({@link FaultyServers}).
 * The correct server's side of each rule is in the contract tests.
 */
class BusinessRuleFaultsTest {

    private static final Duration RACE_DEADLINE = Duration.ofSeconds(30);
    private static final Duration LATE_TWIN = Duration.ofMillis(500);

    private static ReferenceServer start(FaultMode fault) {
        return FaultyServers.start(fault == null ? Set.of() : Set.of(fault));
    }

    @Test
    void noShowIgnoredLetsTheBlockedStudentBook() {
        try (ReferenceServer server = start(FaultMode.NO_SHOW_IGNORED)) {
            ApiClient api = new ApiClient(server.baseUrl());
            TestStudent blocked = login(api, "test_student_20");

            api.reserve(blocked.token(), blocked.id(), openClinic(server)).expect(200);
            assertThat(api.reserve(blocked.token(), blocked.id(), closedClinic(server))
                            .expect(400)
                            .path(Field.ERROR)
                            .asText())
                    .as("the other rules still hold")
                    .isEqualTo(ReservationError.RESERVATION_CLOSED.error());
        }
    }

    @Test
    void closedIgnoredLetsAClosedClinicTakeABooking() {
        try (ReferenceServer server = start(FaultMode.CLOSED_IGNORED)) {
            ApiClient api = new ApiClient(server.baseUrl());
            TestStudent student = login(api, "test_student_01");
            TestStudent blocked = login(api, "test_student_20");

            api.reserve(student.token(), student.id(), closedClinic(server)).expect(200);
            assertThat(api.reserve(blocked.token(), blocked.id(), closedClinic(server))
                            .expect(403)
                            .path(Field.ERROR)
                            .asText())
                    .isEqualTo(ReservationError.NO_SHOW_BLOCKED.error());
        }
    }

    @Test
    void foreignBookingLetsAStudentBookForAnother() {
        try (ReferenceServer server = start(FaultMode.FOREIGN_BOOKING)) {
            ApiClient api = new ApiClient(server.baseUrl());
            TestStudent caller = login(api, "test_student_01");
            TestStudent other = login(api, "test_student_02");

            api.reserve(caller.token(), other.id(), openClinic(server)).expect(200);
            assertThat(api.reserve(other.token(), other.id(), openClinic(server))
                            .expect(400)
                            .path(Field.ERROR)
                            .asText())
                    .as("the seat is the other student's")
                    .isEqualTo(ReservationError.ALREADY_RESERVED.error());
        }
    }

    /** The fault's claim is about concurrency: a double click, both requests released at one instant. */
    @RepeatedTest(3)
    void doubleClickBooksTheSameStudentTwiceWhereTheCorrectServerBooksOnce() {
        for (FaultMode fault : new FaultMode[] {FaultMode.DOUBLE_CLICK, null}) {
            try (ReferenceServer server = start(fault)) {
                ApiClient api = new ApiClient(server.baseUrl());
                TestStudent student = login(api, "test_student_01");
                long clinic = openClinic(server);
                Callable<ApiResponse> click = () -> api.reserve(student.token(), student.id(), clinic);

                List<Integer> statuses = statuses(Race.run(List.of(click, click), RACE_DEADLINE));

                if (fault == FaultMode.DOUBLE_CLICK) {
                    assertThat(statuses).containsExactly(200, 200);
                    assertThat(timesListed(api, student, clinic)).isEqualTo(2);
                } else {
                    assertThat(statuses).containsExactlyInAnyOrder(200, 400);
                    assertThat(timesListed(api, student, clinic)).isEqualTo(1);
                }
            }
        }
    }

    /**
     * On a loaded machine the second click may be served well after the first; the fault still books it
     * twice. The second click here is sent {@link #LATE_TWIN} after the first, later than the fixed 300 ms
     * window the fault once had, after which the first click had committed and the second was refused.
     */
    @Test
    void doubleClickBooksTwiceWhenTheSecondClickIsServedLate() {
        try (ReferenceServer server = start(FaultMode.DOUBLE_CLICK)) {
            ApiClient api = new ApiClient(server.baseUrl());
            TestStudent student = login(api, "test_student_01");
            long clinic = openClinic(server);
            Callable<ApiResponse> click = () -> api.reserve(student.token(), student.id(), clinic);
            Callable<ApiResponse> lateClick = () -> {
                Thread.sleep(LATE_TWIN.toMillis());
                return click.call();
            };

            assertThat(statuses(Race.run(List.of(click, lateClick), RACE_DEADLINE)))
                    .containsExactly(200, 200);
            assertThat(timesListed(api, student, clinic)).isEqualTo(2);

            TestStudent lone = login(api, "test_student_02");
            assertThat(api.reserve(lone.token(), lone.id(), clinic).status())
                    .as("a lone click, after waiting for a twin that does not come, books once")
                    .isEqualTo(200);
            assertThat(timesListed(api, lone, clinic)).isEqualTo(1);
        }
    }

    private static List<Integer> statuses(List<ApiResponse> responses) {
        return responses.stream().map(ApiResponse::status).toList();
    }

    /** How many times the student is in the clinic's roster, as the weekly schedule lists it. */
    private static long timesListed(ApiClient api, TestStudent student, long clinic) {
        JsonNode schedule = api.weeklySchedule(student.token()).expect(200);
        long listed = 0;
        for (JsonNode listedClinic : schedule.path(Field.CLINICS)) {
            if (listedClinic.path(Field.CLINIC_ID).asLong() == clinic) {
                for (JsonNode rostered : listedClinic.path(Field.STUDENTS)) {
                    listed += rostered.path(Field.ID).asLong() == student.id() ? 1 : 0;
                }
            }
        }
        return listed;
    }
}
