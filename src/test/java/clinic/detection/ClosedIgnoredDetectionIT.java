package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * Closed ignored, a fault in a business rule the standard run provokes: the closed clinic takes
 * reservations instead of refusing them (audit CLOSED_CLINIC_BOOKED).
 */
class ClosedIgnoredDetectionIT {

    @Test
    void everyRunFailsAndTheAuditNamesTheRuleBroken() {
        DetectionRuns.assertEveryRunDetects(FaultMode.CLOSED_IGNORED);
    }
}
