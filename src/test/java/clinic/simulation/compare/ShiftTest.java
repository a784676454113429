package clinic.simulation.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The statistics on fixed data with known answers (the Mann-Whitney tables, worked examples). */
class ShiftTest {

    @Test
    void theMannWhitneyCountsOfFiveRunsAgainstFiveAreTheTables() {
        long[] counts = Shift.mannWhitneyCounts(5, 5);

        assertThat(counts).hasSize(26);
        assertThat(counts).startsWith(1, 1, 2, 3, 5, 7, 9, 11, 14, 16, 18, 19, 20, 20, 19);
        assertThat(counts).endsWith(3, 2, 1, 1);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(252); // C(10, 5)
    }

    @Test
    void fiveAgainstFiveGivesTheThirdDifferenceFromEachEndAtNinetySixPointEightPercent() {
        long[] counts = Shift.mannWhitneyCounts(5, 5);

        assertThat(Shift.outermostRank(counts, 0.95)).isEqualTo(3);
        assertThat(Shift.coverage(counts, 3)).isCloseTo(1 - 2 * 4 / 252.0, within(1e-12));
        assertThat(Shift.coverage(counts, 4)).isLessThan(0.95);
    }

    @Test
    void fourRunsASideAreTheFewestForNinetyFivePercent() {
        assertThat(Shift.outermostRank(Shift.mannWhitneyCounts(4, 4), 0.95)).isEqualTo(1);
        assertThat(Shift.coverage(Shift.mannWhitneyCounts(4, 4), 1)).isCloseTo(1 - 2 / 70.0, within(1e-12));
        assertThat(Shift.outermostRank(Shift.mannWhitneyCounts(3, 3), 0.95)).isZero();
        assertThat(Shift.fewestRuns(0.95)).isEqualTo(4);
    }

    @Test
    void theHodgesLehmannShiftAndItsIntervalOfAWorkedExample() {
        // the 25 differences run from -2 to 6: -2, -1 ×2, 0 ×3, 1 ×4, 2 ×5, 3 ×4, 4 ×3, 5 ×2, 6
        Shift shift = Shift.between(new double[] {1, 2, 3, 4, 5}, new double[] {3, 4, 5, 6, 7}, 0.95);

        assertThat(shift.estimate()).isEqualTo(2);
        assertThat(shift.low()).isEqualTo(-1);
        assertThat(shift.high()).isEqualTo(5);
        assertThat(shift.confidence()).isCloseTo(0.968, within(0.001));
    }

    @Test
    void oneFarOffRunMovesTheIntervalByOneDifferenceNotByItsSize() {
        double[] baseline = {100, 101, 102, 103, 104};

        Shift calm = Shift.between(baseline, new double[] {110, 111, 112, 113, 114}, 0.95);
        Shift disturbed = Shift.between(baseline, new double[] {110, 111, 112, 113, 10_000}, 0.95);

        // the differences are 10 + j − i for the calm runs: 6, 7, 7, 8, ... so the 3rd smallest is 7 either way
        assertThat(calm.low()).isEqualTo(7);
        assertThat(disturbed.low()).isEqualTo(7);
        assertThat(disturbed.estimate()).isEqualTo(calm.estimate());
    }

    @Test
    void tooFewRunsGiveAnEstimateWithoutAnInterval() {
        Shift shift = Shift.between(new double[] {10, 12}, new double[] {20, 22}, 0.95);

        assertThat(shift.estimate()).isEqualTo(10);
        assertThat(shift.low()).isNull();
        assertThat(shift.high()).isNull();
        assertThat(shift.confidence()).isNull();
    }
}
