package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * Overbook, a roster fault only the final-state audit can see: the server reads the seats without the row
 * lock, so a clinic ends with more students than its capacity (audit OVER_CAPACITY).
 */
class OverbookDetectionIT {

    @Test
    void everyRunFailsAndTheAuditNamesTheSymptom() {
        DetectionRuns.assertEveryRunDetects(FaultMode.OVERBOOK);
    }
}
