package clinic.detection.correct;

import clinic.detection.DetectionRuns;
import clinic.testsupport.DatabaseKind;
import org.junit.jupiter.api.Test;

/** No false alarm: the correct server on PostgreSQL (a schema of its own) passes every run. */
class CorrectServerPostgresIT {

    @Test
    void everyRunPassesWithACleanAudit() {
        DetectionRuns.assertNoFalseAlarm(DatabaseKind.POSTGRES);
    }
}
