package clinic.simulation.output;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;

/**
 * The load generator's own cost, to tell a backend's limit from the harness's.
 *
 * @param peakHeapMb the highest heap the JVM of the run held (the sum of its heap pools' peaks)
 * @param requestsPerSecond every request of the students (and the audit) over the run's elapsed time
 */
public record Harness(long peakHeapMb, double requestsPerSecond) {

    static Harness of(List<RunSummary.Step> steps, Duration elapsed) {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        int requests = steps.stream().mapToInt(RunSummary.Step::requests).sum();
        double seconds = elapsed.toMillis() / 1000.0;
        return new Harness(peak / (1024 * 1024), seconds <= 0 ? 0 : Math.round(10 * requests / seconds) / 10.0);
    }
}
