package clinic.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.testsupport.Race;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The slow-login model: jobs that share two cores cannot finish before the cores could have done them. */
class SharedCoresTest {

    private static final Duration WORK = Duration.ofMillis(40);

    private static long millisToWork(SharedCores cores) {
        long started = System.nanoTime();
        cores.work(WORK);
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void aJobAloneTakesItsWork() {
        assertThat(millisToWork(new SharedCores(2))).isGreaterThanOrEqualTo(WORK.toMillis());
    }

    @Test
    void twentyJobsAtOnceOnTwoCoresEachTakeTenTimesTheirWork() {
        SharedCores cores = new SharedCores(2);
        List<Callable<Long>> jobs = Collections.nCopies(20, () -> millisToWork(cores));

        List<Long> took = Race.run(jobs, Duration.ofSeconds(30));

        // the first job runs alone for a moment, and times are cut to whole milliseconds
        assertThat(took).allMatch(millis -> millis >= 8 * WORK.toMillis());
        assertThat(Collections.max(took)).isGreaterThanOrEqualTo(10 * WORK.toMillis() - 2);
    }
}
