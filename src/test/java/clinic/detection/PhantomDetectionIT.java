package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * Phantom, a roster fault only the final-state audit can see: a reservation answered 409 occupied is
 * committed, so the roster holds a student nobody accepted (audit PHANTOM_RESERVATION).
 */
class PhantomDetectionIT {

    @Test
    void everyRunFailsAndTheAuditNamesTheSymptom() {
        DetectionRuns.assertEveryRunDetects(FaultMode.PHANTOM);
    }
}
