package clinic.simulation.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InjectionProfileTest {

    @ParameterizedTest
    @EnumSource(InjectionProfile.class)
    void everyProfileInjectsExactlyTheRunsStudents(InjectionProfile profile) {
        for (String students : new String[] {"1", "7", "20", "999"}) {
            SimulationOptions options = SimulationOptions.parse(Map.of(
                    "profile",
                    profile.optionValue(),
                    "students",
                    students,
                    "usersPerSec",
                    students,
                    "durationSeconds",
                    "1"));

            assertThat(profile.injectedUsers(options))
                    .as("%s, %s students", profile, students)
                    .isEqualTo(options.students());
        }
    }

    @Test
    void aProfileInjectingAnotherNumberIsRefusedBeforeTheRun() {
        assertThat(SimulationOptions.injectionMismatch(InjectionProfile.RAMP, 19, 20))
                .isEqualTo("profile=ramp injects 19 students but the rendezvous before reserving waits for "
                        + "students=20: a profile must inject exactly the run's students");
        assertThat(SimulationOptions.injectionMismatch(InjectionProfile.RAMP, 20, 20))
                .isNull();
    }

    @Test
    void theUnknownProfileMessageListsEveryProfile() {
        assertThatThrownBy(() -> InjectionProfile.fromOptionValue("burst"))
                .hasMessage("unknown profile 'burst' (expected atOnce, ramp or constantRate)");
    }

    @Test
    void theRunsBoundGrowsWithTheArrivals() {
        Duration atOnce = SimulationOptions.parse(Map.of()).maxDuration();
        Duration ramp = SimulationOptions.parse(Map.of("profile", "ramp", "rampSeconds", "30"))
                .maxDuration();

        assertThat(ramp.minus(atOnce)).isEqualTo(Duration.ofSeconds(30));
    }
}
