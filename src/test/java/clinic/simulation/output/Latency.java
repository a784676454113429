package clinic.simulation.output;

import java.util.List;

/** Reservation latencies in milliseconds (nearest-rank percentiles; 0 when there was no attempt). */
public record Latency(double mean, long p50, long p95, long p99, long max) {

    public static Latency of(List<Long> latencies) {
        if (latencies.isEmpty()) {
            return new Latency(0, 0, 0, 0, 0);
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
        return new Latency(
                Math.round(mean * 10) / 10.0,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank {@code percentile} of latencies sorted in ascending order, not empty. */
    public static long percentile(List<Long> sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
