package clinic.detection;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FaultMode;
import clinic.testsupport.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultSymptomTest {

    private static final String OVERBOOKED = "clinic 7 (mon 21:00 7강의실) holds 7 students for a capacity of 6 "
            + "(roster 7, current_count 7): a, b, c, d, e, f, g";

    @Test
    void anOverbookedClinicNamedWithItsCountAndMatchingRosterIsADetection() {
        LoadTestRun run =
                run(LoadTestRun.ASSERTIONS_FAILED, List.of(violation("OVER_CAPACITY", OVERBOOKED)), roster(7, 7), 200);

        assertThat(FaultSymptom.of(FaultMode.OVERBOOK).problems(run)).isEmpty();
    }

    @Test
    void aMessageTheFinalRosterContradictsIsNotADetection() {
        LoadTestRun run =
                run(LoadTestRun.ASSERTIONS_FAILED, List.of(violation("OVER_CAPACITY", OVERBOOKED)), roster(7, 6), 200);

        assertThat(FaultSymptom.of(FaultMode.OVERBOOK).problems(run))
                .singleElement()
                .asString()
                .contains("the final roster of clinic 7 has 6 students for 6 seats");
    }

    @Test
    void aPassingRunOrAViolationOfAnotherKindIsNotADetection() {
        assertThat(FaultSymptom.of(FaultMode.OVERBOOK).problems(run(LoadTestRun.SUCCESS, List.of(), roster(7, 6), 200)))
                .containsExactly(
                        "Gatling status 0, expected 2 (assertions failed)",
                        "no OVER_CAPACITY violation (attempts 40, reserved 30, logged in 20/20, p95 200 ms, audit passed)");
        assertThat(FaultSymptom.of(FaultMode.LOST_WRITE)
                        .problems(run(
                                LoadTestRun.ASSERTIONS_FAILED,
                                List.of(violation("OVER_CAPACITY", OVERBOOKED)),
                                roster(7, 7),
                                200)))
                .contains("unexpected violation OVER_CAPACITY: " + OVERBOOKED);
    }

    @Test
    void slowCountsOnlyWhenTheAuditPassesAndP95IsOverTheBound() {
        FaultSymptom slow = FaultSymptom.of(FaultMode.SLOW);

        assertThat(slow.problems(run(LoadTestRun.ASSERTIONS_FAILED, List.of(), roster(7, 6), 1500)))
                .isEmpty();
        assertThat(slow.problems(run(LoadTestRun.ASSERTIONS_FAILED, List.of(), roster(7, 6), 900)))
                .containsExactly("reservation p95 900 ms is below the bound 1000 ms");
        assertThat(slow.problems(run(
                        LoadTestRun.ASSERTIONS_FAILED,
                        List.of(violation("OVER_CAPACITY", OVERBOOKED)),
                        roster(7, 7),
                        1500)))
                .singleElement()
                .asString()
                .startsWith("the audit should pass");
    }

    private static Map<String, Object> violation(String kind, String message) {
        return Map.of("kind", kind, "message", message);
    }

    private static Map<String, Object> roster(long clinicId, int students) {
        return Map.of(
                "id",
                clinicId,
                "time",
                "21:00",
                "room",
                "7강의실",
                "capacity",
                6,
                "currentCount",
                students,
                "students",
                List.of("a", "b", "c", "d", "e", "f", "g").subList(0, students));
    }

    private static LoadTestRun run(
            int status, List<Map<String, Object>> violations, Map<String, Object> clinic, long p95) {
        Map<String, Object> summary = Map.of(
                "options", Map.of("p95Ms", 1000),
                "students", Map.of("total", 20, "loggedIn", 20),
                "reservations", Map.of("attempts", 40, "reserved", 30),
                "latencyMs", Map.of("p95", p95),
                "audit", Map.of("ran", true, "passed", violations.isEmpty(), "violations", violations),
                "finalClinics", List.of(clinic));
        return new LoadTestRun(
                1, status, new RunSummaryFile(Json.MAPPER.valueToTree(summary)), Path.of("run"), Duration.ZERO);
    }
}
