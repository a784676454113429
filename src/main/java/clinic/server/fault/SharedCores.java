package clinic.server.fault;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Work that shares a few processor cores equally, as CPU-bound requests do (processor sharing), played
 * with waits instead of burning the cores the tests need: while n jobs run, each progresses at
 * min(1, cores / n). A job alone takes its work; twenty equal jobs at once on two cores all finish
 * after ten times their work, together, as twenty password hashes do.
 */
final class SharedCores {

    private final int cores;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition jobsChanged = lock.newCondition();
    private int running;
    /** The service every running job has received since the first one (all receive the same), in ns. */
    private double served;

    private long servedUpTo = System.nanoTime();

    SharedCores(int cores) {
        this.cores = cores;
    }

    /** Returns when {@code work} of service is done; an interrupt (server stopping) ends it early. */
    void work(Duration work) {
        lock.lock();
        try {
            advance();
            double done = served + work.toNanos();
            running++;
            jobsChanged.signalAll();
            try {
                for (advance(); served < done; advance()) {
                    long untilDone = (long) Math.ceil((done - served) / rate());
                    jobsChanged.awaitNanos(Math.max(1, untilDone));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                advance();
                running--;
                jobsChanged.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private double rate() {
        return Math.min(1.0, (double) cores / running);
    }

    private void advance() {
        long now = System.nanoTime();
        if (running > 0) {
            served += (now - servedUpTo) * rate();
        }
        servedUpTo = now;
    }
}
