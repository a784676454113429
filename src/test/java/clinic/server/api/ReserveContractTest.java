package clinic.server.api;

import static clinic.testsupport.ContractText.CANCELLATION_DISABLED;
import static clinic.testsupport.ContractText.FIXTURE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.contract.ReservationError;
import clinic.server.FaultMode;
import clinic.server.FixtureClinic;
import clinic.server.FixtureReport;
import clinic.server.FixtureSpec;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.Json;
import clinic.testsupport.ServerTestBase;
import clinic.testsupport.TestServer;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract: the reservation checks of the contract's table, one by one and in their order where two
 * apply, the reference server's forbidden and rate-limit checks, and cancellation. Every test starts
 * from the eight fixture clinics freshly reset.
 */
class ReserveContractTest extends ServerTestBase {

    private static final long NO_SUCH_ID = 987_654_321L;
    private static final int DEFAULT_RATE_LIMIT = 5;

    private FixtureReport fixture;

    @BeforeEach
    void freshClinics() {
        fixture = resetClinics(FixtureSpec.DEFAULT_CAPACITY);
    }

    private FixtureReport resetClinics(int capacity) {
        return server().server()
                .loadFixture(FixtureSpec.standard().withCapacity(capacity).withStudents(0));
    }

    private FixtureClinic clinicInRoom(FixtureReport report, String room) {
        return report.clinics().stream()
                .filter(c -> c.room().equals(room))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fixture clinic in " + room + ": " + report));
    }

    private long firstClinic() {
        return clinicInRoom(fixture, "1강의실").id();
    }

    private TestStudent staffMember() {
        TestStudent staff = newStudent();
        sql().makeStaff(staff.username());
        return staff;
    }

    @Test
    void missingIdsAre400() {
        TestStudent student = newStudent();
        JsonNode expected = Json.object(Field.ERROR, ReservationError.MISSING_IDS.error());
        reserveWith(student, Map.of()).expect(400, expected);
        reserveWith(student, Map.of(Field.USER_ID, student.id())).expect(400, expected);
        reserveWith(student, Map.of(Field.CLINIC_ID, firstClinic())).expect(400, expected);
    }

    @Test
    void missingIdsComeBeforeTheForbiddenCheck() {
        TestStudent student = newStudent();
        TestStudent other = newStudent();
        reserveWith(student, Map.of(Field.USER_ID, other.id()))
                .expect(400, Json.object(Field.ERROR, ReservationError.MISSING_IDS.error()));
    }

    @Test
    void reservingForAnotherUserIsForbiddenAndWritesNothing() {
        TestStudent student = newStudent();
        TestStudent other = newStudent();
        api().reserve(student.token(), other.id(), firstClinic()).expect(403, forbidden());
        assertThat(sql().reservationRows(firstClinic())).isZero();
    }

    @Test
    void forbiddenComesBeforeTheUnknownUserCheck() {
        TestStudent student = newStudent();
        api().reserve(student.token(), NO_SUCH_ID, firstClinic()).expect(403, forbidden());
    }

    @Test
    void staffMayReserveForAStudent() {
        TestStudent staff = staffMember();
        TestStudent student = newStudent();
        api().reserve(staff.token(), student.id(), firstClinic()).expect(200);
        assertThat(sql().reservationRows(firstClinic())).isEqualTo(1);
        api().reserve(student.token(), student.id(), firstClinic())
                .expect(400, Json.object(Field.ERROR, ReservationError.ALREADY_RESERVED.error()));
    }

    @Test
    void unknownUserIs404ForStaffEvenWhenTheClinicIsUnknownToo() {
        TestStudent staff = staffMember();
        JsonNode expected = Json.object(Field.ERROR, ReservationError.UNKNOWN_USER.error());
        api().reserve(staff.token(), NO_SUCH_ID, firstClinic()).expect(404, expected);
        api().reserve(staff.token(), NO_SUCH_ID, NO_SUCH_ID).expect(404, expected);
    }

    @Test
    void unknownClinicIs404() {
        TestStudent student = newStudent();
        api().reserve(student.token(), student.id(), NO_SUCH_ID)
                .expect(404, Json.object(Field.ERROR, ReservationError.UNKNOWN_CLINIC.error()));
    }

    @Test
    void inactiveClinicIsClosedAndWritesNothing() {
        TestStudent student = newStudent();
        sql().setClinicActive(firstClinic(), false);
        api().reserve(student.token(), student.id(), firstClinic()).expect(400, closed());
        assertThat(sql().reservationRows(firstClinic())).isZero();
    }

    @Test
    void inactiveComesBeforeAlreadyReserved() {
        TestStudent student = newStudent();
        api().reserve(student.token(), student.id(), firstClinic()).expect(200);
        sql().setClinicActive(firstClinic(), false);
        api().reserve(student.token(), student.id(), firstClinic()).expect(400, closed());
    }

    @Test
    void reservingTwiceIsAlreadyReservedWithOneRow() {
        TestStudent student = newStudent();
        api().reserve(student.token(), student.id(), firstClinic()).expect(200);
        api().reserve(student.token(), student.id(), firstClinic())
                .expect(400, Json.object(Field.ERROR, ReservationError.ALREADY_RESERVED.error()));
        assertThat(sql().reservationRows(firstClinic())).isEqualTo(1);
        assertThat(sql().reservedCount(firstClinic())).isEqualTo(1);
    }

    @Test
    void alreadyReservedComesBeforeNoShowAndOccupied() {
        fixture = resetClinics(1);
        TestStudent student = newStudent();
        api().reserve(student.token(), student.id(), firstClinic()).expect(200);
        sql().setNoShow(student.username(), 2);
        api().reserve(student.token(), student.id(), firstClinic())
                .expect(400, Json.object(Field.ERROR, ReservationError.ALREADY_RESERVED.error()));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void studentWithTwoOrMoreNoShowsIsBlockedWithNameAndCount(int noShows) {
        TestStudent student = newStudent();
        sql().setNoShow(student.username(), noShows);
        api().reserve(student.token(), student.id(), firstClinic())
                .expect(
                        403,
                        Json.object(
                                Field.ERROR,
                                ReservationError.NO_SHOW_BLOCKED.error(),
                                Field.MESSAGE,
                                ReservationError.noShowBlockedMessage(student.name(), noShows),
                                Field.NO_SHOW_COUNT,
                                noShows,
                                Field.USER_NAME,
                                student.name()));
        assertThat(sql().reservationRows(firstClinic())).isZero();
    }

    @Test
    void studentWithOneNoShowMayReserve() {
        TestStudent student = newStudent();
        sql().setNoShow(student.username(), 1);
        api().reserve(student.token(), student.id(), firstClinic()).expect(200);
    }

    /** The no-show block is for students: a teacher with no-shows may still book. */
    @Test
    void teacherWithNoShowsIsNotBlocked() {
        String teacher = "test_teacher_02";
        sql().setNoShow(teacher, 3);
        TestStudent loggedIn = api().logIn(teacher, FIXTURE_PASSWORD);
        api().reserve(loggedIn.token(), loggedIn.id(), firstClinic()).expect(200);
    }

    @Test
    void noShowComesBeforeOccupied() {
        fixture = resetClinics(1);
        TestStudent first = newStudent();
        TestStudent blocked = newStudent();
        api().reserve(first.token(), first.id(), firstClinic()).expect(200);
        sql().setNoShow(blocked.username(), 2);
        JsonNode body =
                api().reserve(blocked.token(), blocked.id(), firstClinic()).expect(403);
        assertThat(body.path(Field.ERROR).asText()).isEqualTo(ReservationError.NO_SHOW_BLOCKED.error());
    }

    @Test
    void fullClinicIsOccupiedWithCountAndCapacityAndWritesNothing() {
        fixture = resetClinics(2);
        TestStudent first = newStudent();
        TestStudent second = newStudent();
        TestStudent late = newStudent();
        api().reserve(first.token(), first.id(), firstClinic()).expect(200);
        api().reserve(second.token(), second.id(), firstClinic()).expect(200);
        api().reserve(late.token(), late.id(), firstClinic())
                .expect(
                        409,
                        Json.object(
                                Field.ERROR,
                                ReservationError.OCCUPIED.error(),
                                Field.MESSAGE,
                                ReservationError.OCCUPIED.message(),
                                Field.CURRENT_COUNT,
                                2,
                                Field.CAPACITY,
                                2));
        assertThat(sql().reservationRows(firstClinic())).isEqualTo(2);
        assertThat(sql().reservedCount(firstClinic())).isEqualTo(2);
    }

    @Test
    void successDescribesTheClinicInKoreanAndCountsDownRemainingSpots() {
        FixtureClinic clinic = clinicInRoom(fixture, "3강의실");
        TestStudent first = newStudent();
        TestStudent second = newStudent();
        JsonNode clinicInfo = Json.object(
                Field.ID,
                clinic.id(),
                Field.DAY,
                "월요일",
                Field.TIME,
                "19:00",
                Field.ROOM,
                "3강의실",
                Field.SUBJECT,
                clinic.subject(),
                Field.TEACHER,
                "테스트강사03");
        api().reserve(first.token(), first.id(), clinic.id()).expect(200, reserved(clinicInfo, 5));
        api().reserve(second.token(), second.id(), clinic.id()).expect(200, reserved(clinicInfo, 4));
        assertThat(sql().reservationRows(clinic.id())).isEqualTo(2);
        assertThat(sql().reservedCount(clinic.id())).isEqualTo(2);
    }

    @Test
    void oneStudentMayHoldBothClinicsOfTheSameTime() {
        TestStudent student = newStudent();
        api().reserve(
                        student.token(),
                        student.id(),
                        clinicInRoom(fixture, "1강의실").id())
                .expect(200);
        api().reserve(
                        student.token(),
                        student.id(),
                        clinicInRoom(fixture, "2강의실").id())
                .expect(200);
    }

    @Test
    void rateLimitAnswers429AfterFiveRequestsRightAfterAuthenticationAndWritesNothing() {
        TestStudent student = newStudent();
        for (int i = 0; i < DEFAULT_RATE_LIMIT; i++) {
            api().reserve(student.token(), student.id(), NO_SUCH_ID).expect(404);
        }
        JsonNode limited = rateLimitedBody(0, 60);
        api().reserve(student.token(), student.id(), firstClinic()).expect(429, limited);
        api().call(Endpoint.RESERVE)
                .token(student.token())
                .body("{not json")
                .send()
                .expect(429, limited);
        assertThat(sql().reservationRows(firstClinic())).isZero();
        TestStudent other = newStudent();
        api().reserve(other.token(), other.id(), firstClinic()).expect(200);
    }

    @Test
    void rateLimitAndWindowAreConfigurable() {
        try (TestServer limited = TestServer.start(databaseKind(), c -> c.withRateLimit(2, Duration.ofSeconds(30)))) {
            String token = limited.api().login(registered(limited), STUDENT_PASSWORD);
            for (int i = 0; i < 2; i++) {
                limited.api().reserve(token, NO_SUCH_ID, NO_SUCH_ID).expect(403);
            }
            limited.api().reserve(token, NO_SUCH_ID, NO_SUCH_ID).expect(429, rateLimitedBody(0, 30));
            limited.api().assertNoLeaks();
        }
    }

    @Test
    void rateLimitZeroTurnsTheLimitOff() {
        try (TestServer unlimited = TestServer.start(databaseKind(), c -> c.withRateLimit(0, Duration.ofSeconds(60)))) {
            String token = unlimited.api().login(registered(unlimited), STUDENT_PASSWORD);
            for (int i = 0; i < 3 * DEFAULT_RATE_LIMIT; i++) {
                unlimited.api().reserve(token, NO_SUCH_ID, NO_SUCH_ID).expect(403);
            }
            unlimited.api().assertNoLeaks();
        }
    }

    /** The contract's last row, provoked through the server-errors fault: its detail, nothing written. */
    @Test
    void anyOtherFailureIs500WithTheDetailAndWritesNothing() {
        try (TestServer failing = TestServer.start(
                databaseKind(),
                c -> c.withFaults(Set.of(FaultMode.SERVER_ERRORS))
                        .withFixture(FixtureSpec.standard().withStudents(0)))) {
            String username = uniqueUsername("fail");
            long studentId = failing.api().register(username, STUDENT_PASSWORD, "오류학생");
            String token = failing.api().login(username, STUDENT_PASSWORD);
            long clinic = failing.server().fixtureReport().clinics().get(0).id();
            Map<String, Long> before = failing.sql().rowCountsOfEveryTable();

            failing.api()
                    .reserve(token, studentId, clinic)
                    .expect(
                            500,
                            Json.object(
                                    Field.ERROR,
                                    ReservationError.SERVER_ERROR_PREFIX + FaultMode.INJECTED_ERROR_DETAIL));

            assertThat(failing.sql().rowCountsOfEveryTable()).isEqualTo(before);
            failing.api().reserve(token, studentId, clinic).expect(200);
            failing.api().assertNoLeaks();
        }
    }

    @Test
    void cancellationIsAlwaysDisabled() {
        TestStudent student = newStudent();
        api().reserve(student.token(), student.id(), firstClinic()).expect(200);
        api().call(Endpoint.CANCEL_RESERVATION)
                .token(student.token())
                .json(Map.of(Field.USER_ID, student.id(), Field.CLINIC_ID, firstClinic()))
                .send()
                .expect(403, Json.object(Field.ERROR, "cancellation_disabled", Field.MESSAGE, CANCELLATION_DISABLED));
        assertThat(sql().reservationRows(firstClinic())).isEqualTo(1);
    }

    private String registered(TestServer other) {
        String username = uniqueUsername("limit");
        other.api().register(username, STUDENT_PASSWORD, "한도학생");
        return username;
    }

    private ApiResponse reserveWith(TestStudent student, Map<String, Object> body) {
        return api().call(Endpoint.RESERVE).token(student.token()).json(body).send();
    }

    private static JsonNode forbidden() {
        return Json.object(
                Field.ERROR, ReservationError.FORBIDDEN.error(), Field.MESSAGE, ReservationError.FORBIDDEN.message());
    }

    private static JsonNode closed() {
        return Json.object(
                Field.ERROR,
                ReservationError.RESERVATION_CLOSED.error(),
                Field.MESSAGE,
                ReservationError.RESERVATION_CLOSED.message(),
                Field.CLINIC_STATUS,
                Field.INACTIVE);
    }

    private static JsonNode reserved(JsonNode clinicInfo, int remainingSpots) {
        return Json.object(
                Field.SUCCESS,
                true,
                Field.MESSAGE,
                ReservationError.RESERVED_MESSAGE,
                Field.CLINIC_INFO,
                clinicInfo,
                Field.REMAINING_SPOTS,
                remainingSpots);
    }

    private static JsonNode rateLimitedBody(int remaining, int windowSeconds) {
        return Json.object(
                Field.ERROR,
                ReservationError.RATE_LIMITED.error(),
                Field.MESSAGE,
                ReservationError.rateLimitedMessage(remaining),
                Field.REMAINING_REQUESTS,
                remaining,
                Field.WINDOW_SECONDS,
                windowSeconds);
    }
}
