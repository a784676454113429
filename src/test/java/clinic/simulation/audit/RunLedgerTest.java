package clinic.simulation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunLedgerTest {

    @Test
    void concurrentStudentsLoseNoAttempt() throws Exception {
        RunLedger ledger = new RunLedger();
        int students = 16;
        int attemptsEach = 500;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(students);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int student = 0; student < students; student++) {
                long studentId = student;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < attemptsEach; i++) {
                        ledger.markLoadStarted(Instant.now());
                        ledger.add(new ReservationAttempt(
                                "test_student_" + studentId,
                                studentId,
                                i,
                                new ReservationAnswer(RejectionReason.RESERVED, ""),
                                200,
                                1,
                                "{}",
                                Instant.now()));
                    }
                    return null;
                }));
            }
            Instant beforeStart = Instant.now();
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            assertThat(ledger.loadStarted()).isAfterOrEqualTo(beforeStart);
        } finally {
            pool.shutdownNow();
        }

        List<ReservationAttempt> attempts = ledger.attempts();
        assertThat(attempts).hasSize(students * attemptsEach);
        assertThat(attempts.stream()
                        .map(attempt -> attempt.studentId() + "/" + attempt.clinicId())
                        .distinct())
                .hasSize(students * attemptsEach);
        assertThat(attempts).isSortedAccordingTo(java.util.Comparator.comparing(ReservationAttempt::at));
    }

    @Test
    void loadStartAndEndAreTheFirstMarks() {
        RunLedger ledger = new RunLedger();
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        ledger.markLoadStarted(first);
        ledger.markLoadStarted(first.plusSeconds(5));
        ledger.markLoadEnded(first.plusSeconds(9));
        ledger.markLoadEnded(first.plusSeconds(20));

        assertThat(ledger.loadStarted()).isEqualTo(first);
        assertThat(ledger.loadEnded()).isEqualTo(first.plusSeconds(9));
    }
}
