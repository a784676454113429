package clinic.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.contract.ClinicDay;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicLayoutTest {

    @Test
    void theStandardLayoutIsTheContractsEightMondayClinics() {
        assertThat(ClinicLayout.STANDARD.slots())
                .extracting(slot ->
                        slot.day().key() + " " + slot.time() + " " + slot.room() + " teacher " + slot.teacherNumber())
                .containsExactly(
                        "mon 18:00 1강의실 teacher 1",
                        "mon 18:00 2강의실 teacher 2",
                        "mon 19:00 3강의실 teacher 3",
                        "mon 19:00 4강의실 teacher 4",
                        "mon 20:00 5강의실 teacher 5",
                        "mon 20:00 6강의실 teacher 6",
                        "mon 21:00 7강의실 teacher 7",
                        "mon 21:00 8강의실 teacher 8");
    }

    @Test
    void aWeekHasEveryDayTimesEveryTimeRoomsAndOneTeacherPerRoomOfADay() {
        ClinicLayout week = new ClinicLayout(
                List.of(ClinicDay.values()), ClinicLayout.timesOf("16:00,17:00,18:00,19:00,20:00,21:00,22:00"), 10);

        assertThat(week.slots()).hasSize(7 * 7 * 10).doesNotHaveDuplicates();
        assertThat(week.teachers()).isEqualTo(70);
        assertThat(week.slots().get(week.slots().size() - 1).room()).isEqualTo("70강의실");
        assertThat(week.describe()).endsWith("× 10 room(s) (490 clinics)");
    }

    @Test
    void timesAreKeptInOrderOnce() {
        assertThat(new ClinicLayout(List.of(ClinicDay.TUE), ClinicLayout.timesOf("19:00, 18:30,19:00"), 1).times())
                .containsExactly(LocalTime.of(18, 30), LocalTime.of(19, 0));
    }

    @Test
    void badLayoutsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> ClinicLayout.timesOf("18:00,6pm"))
                .hasMessage("'6pm' is not a time of day HH:mm (e.g. 18:00)");
        assertThatThrownBy(() -> new ClinicLayout(List.of(ClinicDay.MON), List.of(LocalTime.NOON), 0))
                .hasMessage("rooms must be between 1 and 50, got 0");
        assertThatThrownBy(() -> new ClinicLayout(List.of(), List.of(LocalTime.NOON), 1))
                .hasMessage("a clinic layout needs at least one day");
    }
}
