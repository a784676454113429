package clinic.simulation.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import clinic.simulation.compare.FigureResult.Verdict;
import clinic.simulation.compare.SetFixtures.FixtureRun;
import clinic.simulation.output.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each figure's verdict on fixed per-run values whose answer is known. */
class FigureResultTest {

    private static final Figure P95 = Figure.named(Figure.RESERVE_P95);
    private static final Figure PER_SECOND = Figure.named(Figure.COMMITTED_PER_SECOND);
    private static final Figure OCCUPIED = Figure.named("refused.OCCUPIED");

    private static FigureResult compared(Figure figure, List<Double> before, List<Double> after) {
        return FigureResult.ofValues(figure, before, after, 10, 0.95);
    }

    @Test
    void aQuarterSlowerWithLittleNoiseIsWorseWithItsIntervalBeyondTheThreshold() {
        FigureResult result =
                compared(P95, List.of(100.0, 104.0, 98.0, 102.0, 96.0), List.of(125.0, 130.0, 122.0, 128.0, 127.0));

        assertThat(result.verdict()).isEqualTo(Verdict.WORSE);
        // the 3rd smallest ratio of the 25 is 125/104: +20.2 %; the 3rd largest 130/98: +32.7 %
        assertThat(result.low()).isCloseTo(20.19, within(0.01));
        assertThat(result.high()).isCloseTo(32.65, within(0.01));
        assertThat(result.change()).isBetween(result.low(), result.high());
        assertThat(result.confidence()).isEqualTo(0.968);
        assertThat(result.baseline().median()).isEqualTo(100);
        assertThat(result.candidate().min()).isEqualTo(122);
    }

    @Test
    void aDifferenceWithinTheNoiseIsNoDifferenceEvenWhenItsEstimateIsBeyondTheThreshold() {
        FigureResult result =
                compared(P95, List.of(100.0, 140.0, 90.0, 120.0, 80.0), List.of(115.0, 150.0, 95.0, 135.0, 105.0));

        assertThat(result.change()).isGreaterThan(10);
        assertThat(result.low()).isLessThan(10);
        assertThat(result.verdict()).isEqualTo(Verdict.SAME);
    }

    @Test
    void aSignificantChangeInsideTheThresholdIsNoDifference() {
        FigureResult result =
                compared(P95, List.of(100.0, 101.0, 100.0, 99.0, 100.0), List.of(105.0, 106.0, 105.0, 104.0, 105.0));

        assertThat(result.low()).isPositive().isLessThan(10);
        assertThat(result.verdict()).isEqualTo(Verdict.SAME);
    }

    @Test
    void fasterBeyondTheThresholdIsBetter() {
        FigureResult result =
                compared(P95, List.of(100.0, 104.0, 98.0, 102.0, 96.0), List.of(70.0, 72.0, 69.0, 71.0, 73.0));

        assertThat(result.verdict()).isEqualTo(Verdict.BETTER);
        assertThat(result.high()).isLessThan(-10);
    }

    @Test
    void fewerCommittedReservationsPerSecondAreWorseForAFigureWhereHigherIsBetter() {
        FigureResult result = compared(PER_SECOND, List.of(6.0, 6.1, 5.9, 6.0, 6.2), List.of(4.0, 4.1, 3.9, 4.2, 4.0));

        assertThat(result.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(result.high()).isLessThan(-10);
    }

    @Test
    void sharesAreComparedInPercentagePoints() {
        FigureResult small =
                compared(OCCUPIED, List.of(30.0, 31.0, 30.0, 29.0, 30.0), List.of(35.0, 36.0, 35.0, 34.0, 35.0));
        FigureResult large =
                compared(OCCUPIED, List.of(30.0, 31.0, 30.0, 29.0, 30.0), List.of(45.0, 46.0, 45.0, 44.0, 45.0));

        assertThat(small.change()).isEqualTo(5);
        assertThat(small.verdict()).isEqualTo(Verdict.SAME);
        assertThat(large.change()).isEqualTo(15);
        assertThat(large.low()).isEqualTo(14);
        assertThat(large.verdict()).isEqualTo(Verdict.WORSE);
    }

    @Test
    void figuresEqualInEveryRunOfBothSetsAreNoDifference() {
        FigureResult zeros = compared(OCCUPIED, List.of(0.0, 0.0, 0.0, 0.0, 0.0), List.of(0.0, 0.0, 0.0, 0.0, 0.0));

        assertThat(zeros.verdict()).isEqualTo(Verdict.SAME);
        assertThat(zeros.note()).isEqualTo(FigureResult.IDENTICAL);
        assertThat(zeros.seen()).isFalse();
    }

    @Test
    void twoRunsASideGiveNoIntervalAndSoNoVerdictButNoDifference() {
        FigureResult result = compared(P95, List.of(100.0, 101.0), List.of(300.0, 310.0));

        assertThat(result.change()).isGreaterThan(190);
        assertThat(result.low()).isNull();
        assertThat(result.note()).isEqualTo(FigureResult.TOO_FEW_RUNS);
        assertThat(result.verdict()).isEqualTo(Verdict.SAME);
    }

    @Test
    void committedReservationsPerSecondAreTheReservedSeatsOverTheReservationPhase(@TempDir Path folder) {
        // the fixture's reservation phase: first request at 10:00:00, audit at 10:00:10
        Path file = folder.resolve(RunSummary.FILE);
        SetFixtures.write(file, SetFixtures.summary(new FixtureRun(80, 31, null), 42));

        assertThat(Figure.committedPerSecond(RunSummary.read(file))).isEqualTo(3.1);
    }

    /**
     * The rule's operating characteristics on simulated runs (log-normal run-to-run noise, a fixed seed):
     * with runs that vary by 3 % it catches a 25 % slowdown in nearly every comparison, by 5 % in most, and
     * sets of the same build do not differ beyond the threshold even when their runs vary by 15 %.
     */
    @Test
    void simulatedComparisonsCatchAQuarterSlowerWhenRunsAreSteadyAndSeldomCryWolf() {
        Random random = new Random(11);
        int comparisons = 1000;
        assertThat(rate(random, comparisons, 0.03, 1.25, Verdict.WORSE)).isGreaterThan(0.98);
        assertThat(rate(random, comparisons, 0.03, 1.0, Verdict.SAME)).isEqualTo(1.0);
        assertThat(rate(random, comparisons, 0.15, 1.0, Verdict.SAME)).isGreaterThan(0.99);
        assertThat(rate(random, comparisons, 0.05, 1.25, Verdict.WORSE)).isGreaterThan(0.8);
    }

    /** The share of {@code comparisons} of 5 runs against 5 whose reservation p95 verdict is {@code verdict}. */
    private static double rate(Random random, int comparisons, double noise, double factor, Verdict verdict) {
        double sigma = Math.sqrt(Math.log(1 + noise * noise));
        int matching = 0;
        for (int comparison = 0; comparison < comparisons; comparison++) {
            List<Double> before = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                before.add(100 * Math.exp(sigma * random.nextGaussian()));
                after.add(100 * factor * Math.exp(sigma * random.nextGaussian()));
            }
            if (compared(P95, before, after).verdict() == verdict) {
                matching++;
            }
        }
        return (double) matching / comparisons;
    }
}
