package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Faults that leave the rosters wrong, which only the final-state audit can see. */
class RosterFaultsDetectionIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = FaultMode.class,
            names = {"OVERBOOK", "LOST_WRITE", "PHANTOM"})
    void everyRunFailsAndTheAuditNamesTheSymptom(FaultMode fault) {
        DetectionRuns.assertEveryRunDetects(fault);
    }
}
