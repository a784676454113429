package clinic.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks so that they all start at the same instant: one thread each (so the pool is bounded by
 * the number of tasks), every thread waits at a gate until all are ready, then the gate opens. The whole
 * race is bounded by a deadline.
 */
public final class Race {

    private Race() {}

    public static <T> List<T> run(List<Callable<T>> tasks, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return task.call();
                }));
            }
            if (!ready.await(remaining(end), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("only " + (tasks.size() - ready.getCount()) + " of " + tasks.size()
                        + " racers got ready within " + deadline);
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(remaining(end), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("race interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a racer failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("race not finished within " + deadline, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long remaining(long end) {
        return Math.max(0, end - System.nanoTime());
    }
}
