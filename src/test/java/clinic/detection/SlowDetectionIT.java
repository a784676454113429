package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * Slow, a fault seen in the latency: every reservation waits 1.5 s, so the reservation p95 assertion,
 * and nothing else, must fail.
 */
class SlowDetectionIT {

    @Test
    void everyRunFailsNamingTheSymptom() {
        DetectionRuns.assertEveryRunDetects(FaultMode.SLOW);
    }
}
