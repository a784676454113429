package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * Server errors, a fault seen in the answers: every 4th reservation answers 500 (audit
 * TECHNICAL_FAILURES).
 */
class ServerErrorsDetectionIT {

    @Test
    void everyRunFailsNamingTheSymptom() {
        DetectionRuns.assertEveryRunDetects(FaultMode.SERVER_ERRORS);
    }
}
