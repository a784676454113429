package clinic.simulation.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.launch.FreshWeeks;
import clinic.simulation.options.OptionReader;
import clinic.simulation.options.RunOptions;
import clinic.simulation.output.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options of repeated runs, checked with the run's before anything starts. */
class CompareOptionsTest {

    /** The options read as the main simulation reads them, the run's after these. */
    private static CompareOptions read(Map<String, String> values) {
        OptionReader reader = new OptionReader(values);
        CompareOptions compare = CompareOptions.read(reader);
        RunOptions.read(reader);
        return compare;
    }

    @Test
    void withoutRepeatItIsASingleRun() {
        assertThat(read(Map.of()).repeated()).isFalse();
    }

    @Test
    void aRepeatedSetHasItsDefaults() {
        CompareOptions compare = read(Map.of("repeat", "5"));

        assertThat(compare.repeat()).isEqualTo(5);
        assertThat(compare.label()).isEqualTo(CompareOptions.DEFAULT_LABEL);
        assertThat(compare.baseline()).isNull();
        assertThat(compare.maxRegressionPercent()).isEqualTo(10);
        assertThat(compare.pauseSeconds()).isNull();
        assertThat(compare.pauseAfter(null)).isZero();
    }

    @Test
    void runsPauseOnlyAfterTheBackendShowedItsRateLimitOrWhenAskedTo() {
        CompareOptions external =
                read(Map.of("repeat", "5", "baseUrl", "http://127.0.0.1:9/api", "setupCommand", "true"));
        CompareOptions asked = read(Map.of("repeat", "5", "repeatPauseSeconds", "5"));
        RunSummary held = summaryOf(RejectionReason.RESERVED, RejectionReason.OCCUPIED);
        RunSummary rateLimited = summaryOf(RejectionReason.RESERVED, RejectionReason.RATE_LIMITED);

        assertThat(external.pauseSeconds()).isNull();
        assertThat(external.pauseAfter(held)).isZero();
        assertThat(external.pauseAfter(rateLimited)).isEqualTo(FreshWeeks.RATE_WINDOW_SECONDS);
        assertThat(asked.pauseAfter(null)).isEqualTo(5);
        assertThat(asked.pauseAfter(rateLimited)).isEqualTo(5);
    }

    /** The summary of a run whose only reservation answers were {@code answers}, as the simulation writes it. */
    private static RunSummary summaryOf(RejectionReason... answers) {
        RunLedger ledger = new RunLedger();
        Instant at = Instant.parse("2026-12-07T09:00:00Z");
        for (int n = 0; n < answers.length; n++) {
            int status = answers[n] == RejectionReason.RESERVED ? 200 : 400;
            ledger.add(new ReservationAttempt(
                    "test_student_01", 1, n + 1, new ReservationAnswer(answers[n], ""), status, 20, "{}", at));
        }
        return RunSummary.of(RunOptions.parse(Map.of()), ledger, Duration.ofSeconds(10), 20, null, "not audited");
    }

    @Test
    void aLabelOrABaselineWithoutRepeatIsRefusedNotIgnored() {
        assertThatThrownBy(() -> read(Map.of("label", "before")))
                .hasMessageContaining("label belongs to a set of repeated runs: add -Drepeat=N");
        assertThatThrownBy(() -> read(Map.of("baseline", "before", "maxRegressionPercent", "5")))
                .hasMessageContaining("baseline belongs")
                .hasMessageContaining("maxRegressionPercent belongs");
    }

    @Test
    void badValuesAreNamedWithTheRunsOwn() {
        assertThatThrownBy(() -> read(Map.of("repeat", "1")))
                .hasMessageContaining("repeat must be a whole number between 2 and 30, got 1");
        assertThatThrownBy(() -> read(Map.of("repeat", "5", "label", "before/after", "studnets", "3")))
                .hasMessageContaining("label names a set's folder")
                .hasMessageContaining("did you mean students?");
        assertThatThrownBy(() -> read(Map.of("repeat", "5", "maxRegressionPercent", "0")))
                .hasMessageContaining("maxRegressionPercent must be a number between 1.0 and 100.0, got 0");
        assertThatThrownBy(() -> read(Map.of("repeat", "5", "baseLine", "before")))
                .hasMessageContaining("did you mean baseline?");
    }
}
