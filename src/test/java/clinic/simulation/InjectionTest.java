package clinic.simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.options.LoadProfile;
import clinic.simulation.options.RunOptions;
import clinic.simulation.scenario.GatlingInternals;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The main simulation's injection: the run's students are the users it brings. */
class InjectionTest {

    @ParameterizedTest
    @EnumSource(LoadProfile.Shape.class)
    void everyShapeBringsTheStudentsItsOptionsName(LoadProfile.Shape shape) {
        for (String students : new String[] {"1", "7", "20", "999"}) {
            RunOptions options = RunOptions.parse(Map.of(
                    "profile",
                    shape.optionValue(),
                    "students",
                    students,
                    "usersPerSec",
                    students,
                    "durationSeconds",
                    "1"));

            assertThat(GatlingInternals.users(ClinicReservationSimulation.injection(options.load())))
                    .as("%s, %s students", shape, students)
                    .isEqualTo(options.students());
        }
    }

    @Test
    void constantRateIsAConstantRateNotARamp() {
        LoadProfile load = RunOptions.parse(
                        Map.of("profile", "constantRate", "usersPerSec", "5", "durationSeconds", "4"))
                .load();

        assertThat(ClinicReservationSimulation.injection(load)[0].asScala())
                .isInstanceOf(io.gatling.core.controller.inject.open.ConstantRateOpenInjection.class);
        assertThat(load.students()).isEqualTo(20);
    }

    @Test
    void anInjectionBringingAnotherNumberOfStudentsSetsTheRunsNumber() {
        RunOptions twenty = RunOptions.parse(Map.of("seed", "1", "noShowStudents", "3"));

        RunOptions thirty = twenty.withStudents(
                GatlingInternals.users(constantUsersPerSec(3).during(10)));

        assertThat(thirty.students()).isEqualTo(30);
        assertThat(thirty.describe()).containsEntry("students", 30);
        assertThat(twenty.withStudents(20)).isSameAs(twenty);
        assertThatThrownBy(() -> twenty.withStudents(2))
                .hasMessage("Invalid simulation options:\n"
                        + "  - noShowStudents (3) is above the 2 students the injection brings");
        assertThatThrownBy(() -> twenty.withStudents(0))
                .hasMessageContaining("the injection brings 0 students: it must bring between 1 and 100000");
    }

    @Test
    void theRunsBoundGrowsWithTheArrivals() {
        RunOptions atOnce = RunOptions.parse(Map.of());
        RunOptions ramp = RunOptions.parse(Map.of("profile", "ramp", "rampSeconds", "30"));

        Duration longer = ramp.maxDuration(
                        GatlingInternals.arrivals(ClinicReservationSimulation.injection(ramp.load())))
                .minus(atOnce.maxDuration(
                        GatlingInternals.arrivals(ClinicReservationSimulation.injection(atOnce.load()))));

        assertThat(longer).isEqualTo(Duration.ofSeconds(30));
        assertThat(ramp.load().nominalArrivals()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theUnknownProfileMessageListsEveryShape() {
        assertThatThrownBy(() -> RunOptions.parse(Map.of("profile", "burst")))
                .hasMessageContaining("profile: unknown profile 'burst' (expected atOnce, ramp or constantRate)");
    }
}
