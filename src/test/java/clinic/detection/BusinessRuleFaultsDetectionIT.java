package clinic.detection;

import clinic.server.FaultMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults in the contract's business rules, which the standard run provokes: double clicks, a blocked
 * student, a closed clinic, requests for another student (judged strictly here, a warning by default).
 */
class BusinessRuleFaultsDetectionIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = FaultMode.class,
            names = {"DOUBLE_CLICK", "NO_SHOW_IGNORED", "CLOSED_IGNORED", "FOREIGN_BOOKING"})
    void everyRunFailsAndTheAuditNamesTheRuleBroken(FaultMode fault) {
        DetectionRuns.assertEveryRunDetects(fault);
    }
}
