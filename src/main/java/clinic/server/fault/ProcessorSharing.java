package clinic.server.fault;

/**
 * Processor sharing on a few cores, as arithmetic on clock readings the caller passes in: while n jobs
 * run, each progresses at min(1, cores / n). A job is known by its mark: the service every running job
 * will have received when it is done. Not thread-safe; {@link SharedCores} uses it under its lock.
 */
final class ProcessorSharing {

    private final int cores;
    private int running;
    /** The service every running job has received since the first one (all receive the same), in ns. */
    private double served;
    /** The clock reading {@link #served} was brought up to. */
    private long servedUpTo;

    ProcessorSharing(int cores, long now) {
        this.cores = cores;
        this.servedUpTo = now;
    }

    /** A job of {@code workNanos} starts at {@code now}; returns its mark. */
    double start(long now, long workNanos) {
        advance(now);
        running++;
        return served + workNanos;
    }

    /** How long from {@code now} the job of {@code mark} still runs if no job starts or ends; 0 once done. */
    long nanosUntilDone(long now, double mark) {
        advance(now);
        return served >= mark ? 0 : (long) Math.ceil((mark - served) / rate());
    }

    /** A job ends at {@code now}, done or given up. */
    void end(long now) {
        advance(now);
        running--;
    }

    private double rate() {
        return Math.min(1.0, (double) cores / running);
    }

    private void advance(long now) {
        if (running > 0) {
            served += (now - servedUpTo) * rate();
        }
        servedUpTo = now;
    }
}
