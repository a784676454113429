package clinic.server.fault;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Work that shares a few processor cores equally, as CPU-bound requests do ({@link ProcessorSharing}),
 * played with waits instead of burning the cores the tests need. A job alone takes its work; twenty equal
 * jobs at once on two cores all finish after ten times their work, together, as twenty password hashes do.
 */
final class SharedCores {

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a job starts or ends: the others' speed changed, so their waits are computed again. */
    private final Condition jobsChanged = lock.newCondition();

    private final ProcessorSharing sharing;

    SharedCores(int cores) {
        this.sharing = new ProcessorSharing(cores, System.nanoTime());
    }

    /** Returns when {@code work} of service is done; an interrupt (server stopping) ends it early. */
    void work(Duration work) {
        lock.lock();
        try {
            double mark = sharing.start(System.nanoTime(), work.toNanos());
            jobsChanged.signalAll();
            try {
                for (long left = sharing.nanosUntilDone(System.nanoTime(), mark);
                        left > 0;
                        left = sharing.nanosUntilDone(System.nanoTime(), mark)) {
                    jobsChanged.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sharing.end(System.nanoTime());
                jobsChanged.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
