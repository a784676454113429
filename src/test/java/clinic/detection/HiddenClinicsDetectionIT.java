package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.api.Test;

/**
 * Hidden clinics, a fault seen in the schedule: it shows one clinic per day and time, as the production
 * grid does, and hides the others (audit CLINIC_NOT_VISIBLE).
 */
class HiddenClinicsDetectionIT {

    @Test
    void everyRunFailsNamingTheSymptom() {
        DetectionRuns.assertEveryRunDetects(FaultMode.HIDDEN_CLINICS);
    }
}
