package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * No-show ignored, a fault in a business rule the standard run provokes: the fixture's blocked student
 * (two no-shows) is seated instead of refused (audit NO_SHOW_NOT_BLOCKED).
 */
class NoShowIgnoredDetectionIT {

    @Test
    void everyRunFailsAndTheAuditNamesTheRuleBroken() {
        DetectionRuns.assertEveryRunDetects(FaultMode.NO_SHOW_IGNORED);
    }
}
