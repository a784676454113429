package clinic.simulation.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.launch.FreshWeeks;
import clinic.simulation.options.OptionReader;
import clinic.simulation.options.RunOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the search refuses before it sends anything (the ITs beside it run real searches). */
class CapacitySearchTest {

    private static final SearchOptions SEARCH = new SearchOptions(20, 1000, 2.0, 0.05, 30, null);
    private static final String SIMULATION = "clinic.simulation.ClinicReservationSimulation";

    @TempDir
    Path steps;

    @Test
    void anExternalTargetNeedsASetupCommandForItsFreshWeeks() {
        RunOptions options = RunOptions.parse(Map.of("baseUrl", "http://127.0.0.1:9/api"));

        assertThatThrownBy(() -> CapacitySearch.run(options, SEARCH, steps, SIMULATION))
                .isInstanceOf(NotReadyException.class)
                .hasMessageContaining("baseUrl without setupCommand")
                .hasMessageContaining("$CLINIC_STUDENTS");
        assertThat(steps).isEmptyDirectory();
    }

    @Test
    void severalInjectorsAndAnOpeningInstantAreForOneRunNotForASearch() {
        RunOptions options = RunOptions.parse(Map.of(
                "baseUrl", "http://127.0.0.1:9/api",
                "injectorCount", "2",
                "injectorIndex", "1"));

        assertThatThrownBy(() -> CapacitySearch.run(options, SEARCH, steps, SIMULATION))
                .hasMessageContaining("injectorCount: the capacity search drives its steps from one load generator");
    }

    @Test
    void theSearchBoundsAreCheckedWithTheOtherOptions() {
        assertThatThrownBy(() -> searchOptions(Map.of("searchMaxStudents", "10", "searchStartStudents", "20")))
                .hasMessageContaining("searchStartStudents");
        assertThatThrownBy(() -> searchOptions(Map.of("searchGrowth", "1"))).hasMessageContaining("searchGrowth");
        assertThatThrownBy(() -> searchOptions(Map.of("searchResolution", "0", "studnets", "3")))
                .hasMessageContaining("searchResolution")
                .hasMessageContaining("did you mean students");
        assertThatThrownBy(() -> RunOptions.parse(Map.of("searchMaxMinuts", "5")))
                .hasMessageContaining("did you mean searchMaxMinutes");
        assertThat(searchOptions(Map.of()).pauseSeconds()).isNull();
        assertThat(searchOptions(Map.of("baseUrl", "http://127.0.0.1:9/api", "searchPauseSeconds", "60"))
                        .pauseSeconds())
                .isEqualTo(60);
    }

    /** The search's options read with the run's, as CapacitySearchSimulation reads them. */
    private static SearchOptions searchOptions(Map<String, String> values) {
        OptionReader reader = new OptionReader(values);
        SearchOptions search = SearchOptions.read(reader);
        RunOptions.read(reader);
        return search;
    }

    @Test
    void theSearchPausesOnlyAfterTheBackendShowedItsRateLimitOrWhenAskedTo() {
        SearchStep limited = step(List.of(SearchStep.Breach.RATE_LIMITED));
        SearchStep slow = step(List.of(SearchStep.Breach.P95));

        assertThat(SEARCH.pauseAfter(null)).isZero();
        assertThat(SEARCH.pauseAfter(slow)).isZero();
        assertThat(SEARCH.pauseAfter(limited)).isEqualTo(FreshWeeks.RATE_WINDOW_SECONDS);
        SearchOptions asked = new SearchOptions(20, 1000, 2.0, 0.05, 30, 5);
        assertThat(asked.pauseAfter(slow)).isEqualTo(5);
        assertThat(asked.pauseAfter(limited)).isEqualTo(5);
    }

    private static SearchStep step(List<SearchStep.Breach> breaches) {
        return new SearchStep(1, 20, false, 20, 10, 20, 30, 0, true, breaches, null, 5.0, null);
    }
}
