package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * Foreign booking, a fault in a business rule the standard run provokes: a student books for another
 * student's {@code user_id} (judged strictly here, {@code -DstrictSecurity=true}; a warning by default).
 */
class ForeignBookingDetectionIT {

    @Test
    void everyRunFailsAndTheAuditNamesTheRuleBroken() {
        DetectionRuns.assertEveryRunDetects(FaultMode.FOREIGN_BOOKING);
    }
}
