package clinic.detection.correct;

import clinic.detection.DetectionRuns;
import clinic.testsupport.DatabaseKind;
import org.junit.jupiter.api.Test;

/** No false alarm: the correct server on H2 passes every run. */
class CorrectServerH2IT {

    @Test
    void everyRunPassesWithACleanAudit() {
        DetectionRuns.assertNoFalseAlarm(DatabaseKind.H2);
    }
}
