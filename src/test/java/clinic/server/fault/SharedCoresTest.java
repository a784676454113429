package clinic.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.testsupport.Race;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The waits that play {@link ProcessorSharing} out (its timing is proved on a set clock in
 * {@link ProcessorSharingTest}): no job is done before its own work could have been, and jobs that wait
 * on each other all end. Only lower bounds of waits are asserted, never how long they took beyond.
 */
class SharedCoresTest {

    private static final Duration WORK = Duration.ofMillis(40);
    private static final Duration RACE_DEADLINE = Duration.ofSeconds(30);

    private static Duration timeToWork(SharedCores cores) {
        long started = System.nanoTime();
        cores.work(WORK);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    void aJobAloneTakesAtLeastItsWork() {
        assertThat(timeToWork(new SharedCores(2))).isGreaterThanOrEqualTo(WORK);
    }

    @Test
    void twentyJobsAtOnceAllEndAndNoneBeforeItsWork() {
        SharedCores cores = new SharedCores(2);
        List<Callable<Duration>> jobs = Collections.nCopies(20, () -> timeToWork(cores));

        List<Duration> took = Race.run(jobs, RACE_DEADLINE);

        assertThat(took).hasSize(20).allSatisfy(time -> assertThat(time).isGreaterThanOrEqualTo(WORK));
    }
}
