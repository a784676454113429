package clinic.simulation.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.options.SimulationOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the search refuses before it sends anything (the ITs beside it run real searches). */
class CapacitySearchTest {

    @TempDir
    Path steps;

    @Test
    void anExternalTargetNeedsASetupCommandForItsFreshWeeks() {
        SimulationOptions options = SimulationOptions.parse(Map.of("baseUrl", "http://127.0.0.1:9/api"));

        assertThatThrownBy(() -> CapacitySearch.run(options, steps))
                .isInstanceOf(NotReadyException.class)
                .hasMessageContaining("baseUrl without setupCommand")
                .hasMessageContaining("$CLINIC_STUDENTS");
        assertThat(steps).isEmptyDirectory();
    }

    @Test
    void severalInjectorsAndAnOpeningInstantAreForOneRunNotForASearch() {
        SimulationOptions options = SimulationOptions.parse(Map.of(
                "baseUrl", "http://127.0.0.1:9/api",
                "injectorCount", "2",
                "injectorIndex", "1"));

        assertThatThrownBy(() -> CapacitySearch.run(options, steps))
                .hasMessageContaining("injectorCount: the capacity search drives its steps from one load generator");
    }

    @Test
    void theSearchBoundsAreCheckedWithTheOtherOptions() {
        assertThatThrownBy(
                        () -> SimulationOptions.parse(Map.of("searchMaxStudents", "10", "searchStartStudents", "20")))
                .hasMessageContaining("searchStartStudents");
        assertThatThrownBy(() -> SimulationOptions.parse(Map.of("searchGrowth", "1")))
                .hasMessageContaining("searchGrowth");
        assertThatThrownBy(() -> SimulationOptions.parse(Map.of("searchResolution", "0")))
                .hasMessageContaining("searchResolution");
        assertThatThrownBy(() -> SimulationOptions.parse(Map.of("searchMaxMinuts", "5")))
                .hasMessageContaining("did you mean searchMaxMinutes");
    }
}
