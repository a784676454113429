package clinic.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import clinic.server.FaultMode;
import clinic.server.ReferenceServer;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.Finding.Kind;
import clinic.simulation.output.FinalClinic;
import clinic.testsupport.Folders;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * A backend with a standing defect, as production's grid hides the second clinic of each time: the
 * reference server with {@code hidden-clinics}. Its findings, once accepted into a baseline, no longer fail
 * the runs that follow, on fresh weeks whose clinics have new ids; a new defect still does.
 */
class AcceptedFindingsIT {

    private static final Path RESULTS =
            DetectionRuns.directory().resolve("runs").resolve("accepted-findings");

    @Test
    void aBaselineOfTheHiddenClinicsPassesLaterRunsAndAnOverbookingStillFailsThem() throws IOException {
        Path results = Folders.cleared(RESULTS);
        Path baseline = results.resolve("accepted-findings.json");
        LoadTestRun first;
        LoadTestRun accepted;
        try (ReferenceServer hiding =
                ReferenceServer.start(DetectionRuns.serverConfig().withFaults(Set.of(FaultMode.HIDDEN_CLINICS)))) {
            first = DetectionRuns.onAFreshWeek(
                    hiding, 31, results, Map.of("writeAcceptedFindings", baseline.toString()));
            accepted = DetectionRuns.onAFreshWeek(hiding, 32, results, Map.of("acceptedFindings", baseline.toString()));
        }
        LoadTestRun overbooked;
        try (ReferenceServer hidingAndOverbooking = ReferenceServer.start(
                DetectionRuns.serverConfig().withFaults(Set.of(FaultMode.HIDDEN_CLINICS, FaultMode.OVERBOOK)))) {
            overbooked = DetectionRuns.onAFreshWeek(
                    hidingAndOverbooking, 33, results, Map.of("acceptedFindings", baseline.toString()));
        }

        assertThat(first.assertionsFailed()).as(first.describe()).isTrue();
        assertThat(first.summary().audit().violations())
                .extracting(Finding::kind, Finding::subject)
                .containsExactlyInAnyOrder(
                        hidden("mon 18:00 2강의실"),
                        hidden("mon 19:00 4강의실"),
                        hidden("mon 20:00 6강의실"),
                        hidden("mon 21:00 8강의실"));
        JsonNode written = SimulationJson.MAPPER.readTree(baseline.toFile()).get("findings");
        assertThat(written).hasSize(4);

        assertThat(accepted.succeeded()).as(accepted.describe()).isTrue();
        assertThat(accepted.summary().audit().violations()).isEmpty();
        assertThat(accepted.summary().audit().accepted())
                .extracting(Finding::subject)
                .containsExactlyInAnyOrderElementsOf(first.summary().audit().violations().stream()
                        .map(Finding::subject)
                        .toList());
        assertThat(accepted.summary().finalClinics())
                .extracting(FinalClinic::id)
                .as("the fresh week's clinics have new ids, and the older run's baseline still matches them")
                .doesNotContainAnyElementsOf(first.summary().finalClinics().stream()
                        .map(FinalClinic::id)
                        .toList());

        assertThat(overbooked.assertionsFailed()).as(overbooked.describe()).isTrue();
        assertThat(overbooked.summary().audit().violations())
                .extracting(Finding::kind)
                .isNotEmpty()
                .contains(Kind.OVER_CAPACITY)
                .doesNotContain(Kind.CLINIC_NOT_VISIBLE);
        assertThat(overbooked.summary().audit().accepted()).hasSize(4);
    }

    private static Tuple hidden(String slot) {
        return tuple(Kind.CLINIC_NOT_VISIBLE, slot);
    }
}
