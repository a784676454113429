package clinic.simulation.audit;

import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code mvn -q test-compile exec:java@audit-benchmark}: what the audit costs at academy scale, 10,000
 * students trying 1–5 of 500 clinics (a week), answered as a correct backend would. Prints the ledger's
 * bytes per attempt (heap held by the attempts, their answer bodies included, measured around a full
 * GC: an estimate) and the audit's time over five rounds. A benchmark, not a test: figures depend on the
 * machine.
 */
public final class AuditBenchmark {

    private static final int STUDENTS = 10_000;
    private static final int CLINICS = 500;
    private static final int CAPACITY = 20;
    private static final int ROUNDS = 5;

    private AuditBenchmark() {}

    public static void main(String[] args) {
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            AuditWorkload small = AuditWorkload.of(1_000, 50, CAPACITY, warmUp);
            new FinalStateAudit(small.before(), List.of(), BusinessRules.none()).audit(small.after(), small.attempts());
        }
        AuditWorkload week = AuditWorkload.of(STUDENTS, CLINICS, CAPACITY, 1);
        ScheduleSnapshot before = week.before();
        ScheduleSnapshot after = week.after();
        List<ReservationAttempt> attempts = week.attempts();
        int seats = after.clinics().stream()
                .mapToInt(clinic -> clinic.students().size())
                .sum();
        week = null;
        long withLedger = usedHeapAfterGc();
        List<Long> millis = new ArrayList<>();
        boolean passed = true;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            passed &= new FinalStateAudit(before, List.of(), BusinessRules.none())
                    .audit(after, attempts)
                    .passed();
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        int count = attempts.size();
        attempts = null;
        long withoutLedger = usedHeapAfterGc();
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(
                Locale.ROOT,
                "audit benchmark: %,d students, %,d clinics, %,d attempts, %,d seats taken%n"
                        + "ledger: about %d bytes per attempt (%.1f MB for the run)%n"
                        + "audit: median %d ms (min %d, max %d over %d rounds), verdict %s%n",
                STUDENTS,
                CLINICS,
                count,
                seats,
                (withLedger - withoutLedger) / count,
                (withLedger - withoutLedger) / 1e6,
                sorted.get(ROUNDS / 2),
                sorted.get(0),
                sorted.get(ROUNDS - 1),
                ROUNDS,
                passed ? "passed" : "FAILED");
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
