package clinic.simulation.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.contract.ClinicDay;
import org.junit.jupiter.api.Test;

class ScheduleSnapshotTest {

    private static final String EMPTY_CELL = "{\"clinic_id\":null,\"teacher_name\":null,\"subject\":null,\"room\":null,"
            + "\"capacity\":0,\"current_count\":0,\"remaining_spots\":0,\"is_full\":false,\"students\":[]}";

    private static String cell(long id, String room, int count, String students) {
        return "{\"clinic_id\":" + id + ",\"teacher_name\":\"테스트강사01\",\"subject\":\"physics1\",\"room\":\"" + room
                + "\",\"capacity\":6,\"current_count\":" + count + ",\"remaining_spots\":" + (6 - count)
                + ",\"is_full\":false,\"students\":[" + students + "]}";
    }

    /** Production: one clinic per cell; 2강의실 at 18:00 exists but is not in the answer. */
    private static final String PRODUCTION_GRID = "{\"schedule\":{"
            + "\"mon\":{\"18:00\":"
            + cell(12, "1강의실", 1, "{\"id\":31,\"name\":\"테스트학생03\",\"username\":\"test_student_03\"}")
            + ",\"19:00\":" + EMPTY_CELL + "},"
            + "\"tue\":{\"18:00\":" + cell(20, "9강의실", 0, "") + ",\"19:00\":" + EMPTY_CELL + "}},"
            + "\"days\":[\"mon\",\"tue\"],\"times\":[\"18:00\",\"19:00\"],\"total_clinics\":3}";

    @Test
    void productionGridGivesOneClinicPerCellAndSkipsEmptyCells() {
        ScheduleSnapshot schedule = ScheduleSnapshot.parse(PRODUCTION_GRID);

        assertThat(schedule.fromClinicList()).isFalse();
        assertThat(schedule.on(ClinicDay.MON)).singleElement().satisfies(clinic -> {
            assertThat(clinic.id()).isEqualTo(12);
            assertThat(clinic.day()).isEqualTo("mon");
            assertThat(clinic.time()).isEqualTo("18:00");
            assertThat(clinic.room()).isEqualTo("1강의실");
            assertThat(clinic.capacity()).isEqualTo(6);
            assertThat(clinic.currentCount()).isEqualTo(1);
            assertThat(clinic.students())
                    .containsExactly(new ScheduleSnapshot.RosterStudent(31, "테스트학생03", "test_student_03"));
        });
        assertThat(schedule.on(ClinicDay.TUE))
                .extracting(ScheduleSnapshot.Clinic::id)
                .containsExactly(20L);
        assertThat(schedule.on(ClinicDay.WED)).isEmpty();
    }

    @Test
    void referenceClinicListShowsEveryClinicIncludingTheOnesTheGridHides() {
        String body = "{\"schedule\":{\"mon\":{\"18:00\":" + cell(12, "1강의실", 0, "") + "}},\"days\":[\"mon\"],"
                + "\"times\":[\"18:00\"],\"total_clinics\":2,\"clinics\":["
                + cell(
                                13,
                                "2강의실",
                                2,
                                "{\"id\":1,\"name\":\"a\",\"username\":\"test_student_01\"},"
                                        + "{\"id\":2,\"name\":\"b\",\"username\":\"test_student_02\"}")
                        .replaceFirst("\\{", "{\"day\":\"mon\",\"time\":\"18:00\",")
                + "," + cell(12, "1강의실", 0, "").replaceFirst("\\{", "{\"day\":\"mon\",\"time\":\"18:00\",")
                + "]}";

        ScheduleSnapshot schedule = ScheduleSnapshot.parse(body);

        assertThat(schedule.fromClinicList()).isTrue();
        assertThat(schedule.on(ClinicDay.MON))
                .extracting(ScheduleSnapshot.Clinic::room)
                .containsExactly("1강의실", "2강의실");
        assertThat(schedule.clinic(13))
                .get()
                .extracting(clinic -> clinic.students().size())
                .isEqualTo(2);
    }

    @Test
    void emptyClinicListMeansNoClinicEvenWhenTheGridHasCells() {
        ScheduleSnapshot schedule = ScheduleSnapshot.parse(
                "{\"schedule\":{\"mon\":{\"18:00\":" + cell(12, "1강의실", 0, "") + "}},\"clinics\":[]}");

        assertThat(schedule.clinics()).isEmpty();
    }

    @Test
    void weekWithoutClinicsHasNothingOnAnyDay() {
        ScheduleSnapshot schedule =
                ScheduleSnapshot.parse("{\"schedule\":{\"mon\":{},\"tue\":{}},\"days\":[\"mon\",\"tue\","
                        + "\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"times\":[],\"total_clinics\":0}");

        assertThat(schedule.on(ClinicDay.MON)).isEmpty();
    }

    @Test
    void notAScheduleSaysWhatIsWrong() {
        assertThatThrownBy(() -> ScheduleSnapshot.parse("<html>502 Bad Gateway</html>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weekly schedule is not a JSON object: <html>502 Bad Gateway</html>");
        assertThatThrownBy(() -> ScheduleSnapshot.parse("{\"detail\":\"토큰이 유효하지 않습니다.\"}"))
                .hasMessageStartingWith("weekly schedule has neither a 'clinics' list nor a 'schedule' grid");
        assertThatThrownBy(() -> ScheduleSnapshot.parse("{\"clinics\":[{\"clinic_id\":1,\"time\":\"18:00\"}]}"))
                .hasMessage("a clinic of the 'clinics' list has no 'day'");
    }
}
