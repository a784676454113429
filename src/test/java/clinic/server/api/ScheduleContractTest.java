package clinic.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Field;
import clinic.server.FixtureClinic;
import clinic.server.FixtureReport;
import clinic.server.FixtureSpec;
import clinic.testsupport.Json;
import clinic.testsupport.ServerTestBase;
import clinic.testsupport.TestStudent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract: the weekly schedule grid (days, times, one clinic per cell, empty cells, counts, students)
 * and the reference server's {@code clinics} list. Every test starts with exactly the eight fixture
 * clinics and adds or changes clinics by SQL where it needs other days.
 */
class ScheduleContractTest extends ServerTestBase {

    private static final List<String> WEEK = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final List<String> FIXTURE_TIMES = List.of("18:00", "19:00", "20:00", "21:00");

    private FixtureReport fixture;
    private TestStudent viewer;

    @BeforeEach
    void onlyTheFixtureClinics() {
        sql().deleteAllClinics();
        fixture = server().server().loadFixture(FixtureSpec.standard().withStudents(0));
        viewer = newStudent();
    }

    private JsonNode schedule() {
        return api().weeklySchedule(viewer.token()).expect(200);
    }

    private FixtureClinic room(String room) {
        return fixture.clinics().stream()
                .filter(c -> c.room().equals(room))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fixture clinic in " + room));
    }

    @Test
    void fixtureGridShowsMondayWithItsFourTimesAndTheLowerIdOfEachPair() {
        JsonNode body = schedule();
        assertThat(strings(body.path(Field.DAYS))).containsExactly("mon");
        assertThat(strings(body.path(Field.TIMES))).containsExactlyElementsOf(FIXTURE_TIMES);
        assertThat(body.path(Field.TOTAL_CLINICS).asInt()).isEqualTo(8);
        assertThat(fieldNames(body.path(Field.SCHEDULE))).containsExactly("mon");
        assertThat(fieldNames(body.path(Field.SCHEDULE).path("mon")))
                .containsExactlyInAnyOrderElementsOf(FIXTURE_TIMES);
        for (int pair = 0; pair < 4; pair++) {
            FixtureClinic first = room((2 * pair + 1) + "강의실");
            FixtureClinic second = room((2 * pair + 2) + "강의실");
            FixtureClinic lower = first.id() < second.id() ? first : second;
            assertThat(body.path(Field.SCHEDULE).path("mon").path(FIXTURE_TIMES.get(pair)))
                    .isEqualTo(cell(lower, List.of()));
        }
    }

    @Test
    void cellShowsTheLowestIdEvenWhenAnotherRoomSortsFirst() {
        long later = sql().copyClinic(room("1강의실").id(), "mon", "18:00", "0강의실");
        FixtureClinic lowest = fixture.clinics().stream()
                .filter(c -> c.time().equals("18:00"))
                .min(Comparator.comparingLong(FixtureClinic::id))
                .orElseThrow();
        JsonNode body = schedule();
        assertThat(body.path(Field.SCHEDULE)
                        .path("mon")
                        .path("18:00")
                        .path(Field.CLINIC_ID)
                        .asLong())
                .isEqualTo(lowest.id())
                .isNotEqualTo(later);
        assertThat(body.path(Field.TOTAL_CLINICS).asInt()).isEqualTo(9);
    }

    @Test
    void daysFollowTheWeekTimesAreSortedAndMissingCellsAreEmpty() {
        long template = room("1강의실").id();
        long sunday = sql().copyClinic(template, "sun", "09:00", "9강의실");
        sql().copyClinic(template, "wed", "17:30", "9강의실");
        sql().copyClinic(template, "tue", "22:00", "9강의실");
        JsonNode body = schedule();
        assertThat(strings(body.path(Field.DAYS))).containsExactly("mon", "tue", "wed", "sun");
        assertThat(strings(body.path(Field.TIMES)))
                .containsExactly("09:00", "17:30", "18:00", "19:00", "20:00", "21:00", "22:00");
        assertThat(body.path(Field.TOTAL_CLINICS).asInt()).isEqualTo(11);
        JsonNode empty = body.path(Field.SCHEDULE).path("tue").path("18:00");
        assertThat(empty.path(Field.CLINIC_ID).isNull())
                .as("empty cell %s", empty)
                .isTrue();
        assertThat(empty.path(Field.CAPACITY).asInt()).isZero();
        assertThat(empty.path(Field.STUDENTS).isArray()
                        && empty.path(Field.STUDENTS).isEmpty())
                .as("students of %s", empty)
                .isTrue();
        assertThat(body.path(Field.SCHEDULE)
                        .path("sun")
                        .path("09:00")
                        .path(Field.CLINIC_ID)
                        .asLong())
                .isEqualTo(sunday);
    }

    @Test
    void inactiveClinicsAreLeftOut() {
        sql().setClinicActive(room("7강의실").id(), false);
        sql().setClinicActive(room("8강의실").id(), false);
        sql().setClinicActive(room("1강의실").id(), false);
        JsonNode body = schedule();
        assertThat(strings(body.path(Field.TIMES))).containsExactly("18:00", "19:00", "20:00");
        assertThat(body.path(Field.TOTAL_CLINICS).asInt()).isEqualTo(5);
        assertThat(body.path(Field.SCHEDULE)
                        .path("mon")
                        .path("18:00")
                        .path(Field.CLINIC_ID)
                        .asLong())
                .isEqualTo(room("2강의실").id());
        assertThat(body.path(Field.CLINICS)).hasSize(5);
    }

    @Test
    void withoutActiveClinicsAllSevenDaysAndNoTimes() {
        fixture.clinics().forEach(c -> sql().setClinicActive(c.id(), false));
        JsonNode body = schedule();
        assertThat(strings(body.path(Field.DAYS))).containsExactlyElementsOf(WEEK);
        assertThat(body.path(Field.TIMES)).isEmpty();
        assertThat(body.path(Field.TOTAL_CLINICS).asInt()).isZero();
        assertThat(body.path(Field.CLINICS)).isEmpty();
    }

    @Test
    void cellsCountReservationRowsAndListTheStudents() {
        fixture = server().server()
                .loadFixture(FixtureSpec.standard().withCapacity(2).withStudents(0));
        FixtureClinic clinic = room("3강의실");
        TestStudent first = newStudent();
        TestStudent second = newStudent();
        api().reserve(first.token(), first.id(), clinic.id()).expect(200);
        JsonNode halfFull = schedule().path(Field.SCHEDULE).path("mon").path("19:00");
        assertThat(halfFull).isEqualTo(cell(clinic, List.of(first)));
        api().reserve(second.token(), second.id(), clinic.id()).expect(200);
        JsonNode full = schedule().path(Field.SCHEDULE).path("mon").path("19:00");
        assertThat(withSortedStudents(full)).isEqualTo(cell(clinic, List.of(first, second)));
        assertThat(full.path(Field.IS_FULL).asBoolean()).isTrue();
        assertThat(full.path(Field.REMAINING_SPOTS).asInt()).isZero();
    }

    /** The contract's current_count is the number of reservation rows, whatever the counter column says. */
    @Test
    void currentCountIsTheNumberOfReservationRows() {
        FixtureClinic clinic = room("5강의실");
        TestStudent student = newStudent();
        api().reserve(student.token(), student.id(), clinic.id()).expect(200);
        // a counter that disagrees with the rows but stays valid, so later deletes keep it within bounds
        sql().setReservedCount(clinic.id(), clinic.capacity());
        assertThat(schedule().path(Field.SCHEDULE).path("mon").path("20:00")).isEqualTo(cell(clinic, List.of(student)));
    }

    @Test
    void clinicsListHoldsEveryActiveClinicOrderedByDayTimeRoom() {
        long template = room("1강의실").id();
        sql().copyClinic(template, "sun", "09:00", "A강의실");
        sql().copyClinic(template, "tue", "18:00", "B강의실");
        sql().copyClinic(template, "tue", "18:00", "A강의실");
        sql().copyClinic(template, "mon", "08:00", "Z강의실");
        sql().setClinicActive(room("5강의실").id(), false);
        JsonNode clinics = schedule().path(Field.CLINICS);
        List<String> order = new ArrayList<>();
        clinics.forEach(c -> order.add(c.path(Field.DAY).asText() + " "
                + c.path(Field.TIME).asText() + " " + c.path(Field.ROOM).asText()));
        assertThat(order)
                .containsExactly(
                        "mon 08:00 Z강의실",
                        "mon 18:00 1강의실",
                        "mon 18:00 2강의실",
                        "mon 19:00 3강의실",
                        "mon 19:00 4강의실",
                        "mon 20:00 6강의실",
                        "mon 21:00 7강의실",
                        "mon 21:00 8강의실",
                        "tue 18:00 A강의실",
                        "tue 18:00 B강의실",
                        "sun 09:00 A강의실");
    }

    @Test
    void clinicsListShowsTheClinicTheGridHidesWithItsOwnCounts() {
        FixtureClinic hidden = room("2강의실");
        TestStudent student = newStudent();
        api().reserve(student.token(), student.id(), hidden.id()).expect(200);
        JsonNode body = schedule();
        assertThat(body.path(Field.SCHEDULE)
                        .path("mon")
                        .path("18:00")
                        .path(Field.CLINIC_ID)
                        .asLong())
                .isEqualTo(room("1강의실").id());
        JsonNode listed = null;
        for (JsonNode c : body.path(Field.CLINICS)) {
            if (c.path(Field.CLINIC_ID).asLong() == hidden.id()) {
                listed = c;
            }
        }
        assertThat(listed).as("clinic %d in the clinics list", hidden.id()).isNotNull();
        JsonNode expected =
                ((ObjectNode) cell(hidden, List.of(student))).put("day", "mon").put("time", "18:00");
        assertThat(listed).isEqualTo(expected);
    }

    private JsonNode cell(FixtureClinic clinic, List<TestStudent> students) {
        List<Map<String, Object>> roster = students.stream()
                .sorted(Comparator.comparingLong(TestStudent::id))
                .map(s -> Map.<String, Object>of("id", s.id(), "name", s.name(), "username", s.username()))
                .toList();
        int count = students.size();
        return Json.object(
                Field.CLINIC_ID, clinic.id(),
                Field.TEACHER_NAME, clinic.teacherName(),
                Field.SUBJECT, clinic.subject(),
                Field.ROOM, clinic.room(),
                Field.CAPACITY, clinic.capacity(),
                Field.CURRENT_COUNT, count,
                Field.REMAINING_SPOTS, clinic.capacity() - count,
                Field.IS_FULL, count >= clinic.capacity(),
                Field.STUDENTS, roster);
    }

    private static JsonNode withSortedStudents(JsonNode cell) {
        List<JsonNode> students = new ArrayList<>();
        cell.path(Field.STUDENTS).forEach(students::add);
        students.sort(Comparator.comparingLong(s -> s.path(Field.ID).asLong()));
        ObjectNode copy = cell.deepCopy();
        copy.putArray("students").addAll(students);
        return copy;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
