package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults seen in the schedule (hidden clinics), in the answers (server errors) and in the latency (slow:
 * the p95 assertion, and nothing else, must fail).
 */
class ScheduleErrorAndLatencyFaultsDetectionIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = FaultMode.class,
            names = {"HIDDEN_CLINICS", "SERVER_ERRORS", "SLOW"})
    void everyRunFailsNamingTheSymptom(FaultMode fault) {
        DetectionRuns.assertEveryRunDetects(fault);
    }
}
