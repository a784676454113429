package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * Double click, a fault in a business rule the standard run provokes: the server checks "already
 * reserved" only before the lock, so a student's double click books the same seat twice (audit
 * DUPLICATE_STUDENT).
 */
class DoubleClickDetectionIT {

    @Test
    void everyRunFailsAndTheAuditNamesTheRuleBroken() {
        DetectionRuns.assertEveryRunDetects(FaultMode.DOUBLE_CLICK);
    }
}
