package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * Lost write, a roster fault only the final-state audit can see: a reservation answered 200 is rolled
 * back, so it is missing from the final roster (audit ACCEPTED_MISSING).
 */
class LostWriteDetectionIT {

    @Test
    void everyRunFailsAndTheAuditNamesTheSymptom() {
        DetectionRuns.assertEveryRunDetects(FaultMode.LOST_WRITE);
    }
}
