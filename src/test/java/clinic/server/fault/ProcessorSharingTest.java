package clinic.server.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slow-login model on a clock the test sets (always forward): jobs that share the cores finish exactly
 * when processor sharing says, to within a nanosecond of rounding.
 */
class ProcessorSharingTest {

    private static final long MS = 1_000_000;

    @Test
    void aJobAloneTakesItsWork() {
        ProcessorSharing sharing = new ProcessorSharing(2, 0);

        double job = sharing.start(0, 40 * MS);

        assertThat(sharing.nanosUntilDone(0, job)).isCloseTo(40 * MS, within(1L));
        assertThat(sharing.nanosUntilDone(40 * MS, job)).isZero();
    }

    @Test
    void twentyJobsAtOnceOnTwoCoresAllFinishTogetherAfterTenTimesTheirWork() {
        ProcessorSharing sharing = new ProcessorSharing(2, 0);
        List<Double> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(sharing.start(0, 40 * MS));
        }

        // the clock only moves forward: every job is asked at one instant before the next
        for (double job : jobs) {
            assertThat(sharing.nanosUntilDone(0, job)).isCloseTo(400 * MS, within(1L));
        }
        for (double job : jobs) {
            assertThat(sharing.nanosUntilDone(399 * MS, job)).isCloseTo(MS, within(1L));
        }
        for (double job : jobs) {
            assertThat(sharing.nanosUntilDone(400 * MS + 1, job)).isZero();
        }
    }

    @Test
    void whenJobsEndTheOthersGoFaster() {
        ProcessorSharing sharing = new ProcessorSharing(2, 0);
        double shortJob = sharing.start(0, 30 * MS);
        sharing.start(0, 30 * MS);
        double longJob = sharing.start(0, 60 * MS);

        // three jobs on two cores: each at two thirds of a core, the short ones done after 45 ms
        assertThat(sharing.nanosUntilDone(0, shortJob)).isCloseTo(45 * MS, within(1L));
        sharing.end(45 * MS);
        sharing.end(45 * MS);

        // the long job has had 30 ms of its 60 and now runs alone
        assertThat(sharing.nanosUntilDone(45 * MS, longJob)).isCloseTo(30 * MS, within(1L));
    }

    @Test
    void aJobThatArrivesLaterSlowsTheOthersOnlyFromThen() {
        ProcessorSharing sharing = new ProcessorSharing(1, 0);
        double first = sharing.start(0, 40 * MS);
        double second = sharing.start(20 * MS, 40 * MS);

        // the first had 20 ms alone; its other 20 ms at half a core take 40
        assertThat(sharing.nanosUntilDone(20 * MS, first)).isCloseTo(40 * MS, within(1L));
        sharing.end(60 * MS);
        // the second has had 20 ms of its work in 40 ms at half a core, and does the rest alone
        assertThat(sharing.nanosUntilDone(60 * MS, second)).isCloseTo(20 * MS, within(1L));
    }
}
