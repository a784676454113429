package clinic.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.server.ReferenceServer;
import clinic.testsupport.ApiClient;
import clinic.testsupport.ApiResponse;
import clinic.testsupport.ClinicDatabase;
import clinic.testsupport.ContractText;
import clinic.testsupport.DatabaseTestBase;
import clinic.testsupport.Race;
import clinic.testsupport.ServerProcess;
import clinic.testsupport.TestServer;
import clinic.testsupport.TestStudent;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Timeout;

/**
 * A 200 from reserve means the row is stored: a {@code serve} process under a concurrent reservation load
 * is killed with {@code kill -9} at a random point after some 200s, a server restarts on the same
 * database (H2 file, PostgreSQL schema), and every reservation answered 200 is there, no clinic is over
 * capacity, no student is twice in a clinic, and each clinic's counter equals its rows. The kill point
 * and the order of the requests come from a seed, printed with any failure; {@code -Dclinic.crash.seed=N}
 * repeats a round.
 */
class CrashRecoveryTest extends DatabaseTestBase {

    private static final int STUDENTS = 200;
    /** Eight clinics of this many seats: 160 seats for 1,600 requests, so 200s and 409s mix until the end. */
    private static final int CAPACITY = 20;
    /** The kill comes after this many 200s at least, and before this many more: always mid-load. */
    private static final int FIRST_KILL_POINT = 10;

    private static final int KILL_POINT_SPREAD = 130;
    private static final int LOAD_THREADS = 16;
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(60);
    private static final long BASE_SEED = Long.getLong("clinic.crash.seed", new SecureRandom().nextLong());

    private record Reservation(long studentId, long clinicId) {}

    @RepeatedTest(3)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyReservationAnswered200SurvivesAKill9(RepetitionInfo repetition) {
        long seed = BASE_SEED + repetition.getCurrentRepetition() - 1;
        String round = databaseKind() + " round " + repetition.getCurrentRepetition() + ", seed " + seed
                + " (repeat with -Dclinic.crash.seed=" + seed + ")";
        try {
            crashAndRecover(new Random(seed));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(round + ": " + e.getMessage(), e);
        }
    }

    private void crashAndRecover(Random random) {
        int killPoint = FIRST_KILL_POINT + random.nextInt(KILL_POINT_SPREAD);
        List<Reservation> answered200 = Collections.synchronizedList(new ArrayList<>());
        List<Long> clinics;
        try (ServerProcess server = ServerProcess.serve(
                START_DEADLINE,
                "--port",
                "0",
                "--db",
                database().jdbcUrl(),
                "--rate-limit",
                "0",
                "--password-iterations",
                String.valueOf(TestServer.TEST_PASSWORD_ITERATIONS),
                "--setup-clinics",
                "--reset",
                "--capacity",
                String.valueOf(CAPACITY),
                "--setup-students",
                String.valueOf(STUDENTS))) {
            ApiClient api = new ApiClient(server.baseUrl());
            List<TestStudent> students = logInAll(api);
            clinics = clinicIds(api, students.get(0).token());
            List<Reservation> attempts = new ArrayList<>();
            for (TestStudent student : students) {
                for (long clinic : clinics) {
                    attempts.add(new Reservation(student.id(), clinic));
                }
            }
            Collections.shuffle(attempts, random);
            Map<Long, String> tokens = new HashMap<>();
            students.forEach(s -> tokens.put(s.id(), s.token()));

            boolean killed = loadUntilKilled(api, server, attempts, tokens, killPoint, answered200);
            assertThat(killed)
                    .as("the load reached %d answers 200 and the kill; server output:%n%s", killPoint, server.output())
                    .isTrue();
        }

        try (ReferenceServer restarted = ReferenceServer.start(TestServer.baseConfig(database()))) {
            new ApiClient(restarted.baseUrl()).call(Endpoint.HEALTH).send().expect(200);
            ClinicDatabase sql = new ClinicDatabase(restarted.dataSource());
            List<Reservation> missing = new ArrayList<>(answered200);
            for (long clinic : clinics) {
                List<Long> rows = sql.reservedStudentIds(clinic);
                missing.removeIf(r -> r.clinicId() == clinic && rows.contains(r.studentId()));
                assertThat(rows)
                        .as("students in clinic %d after the restart", clinic)
                        .doesNotHaveDuplicates()
                        .hasSizeLessThanOrEqualTo(CAPACITY);
                assertThat(sql.reservedCount(clinic))
                        .as("clinic %d's reserved_count, and its rows %s", clinic, rows)
                        .isEqualTo(rows.size());
            }
            assertThat(missing)
                    .as(
                            "%d of the %d reservations answered 200 are missing after the restart",
                            missing.size(), answered200.size())
                    .isEmpty();
        }
    }

    private static List<TestStudent> logInAll(ApiClient api) {
        List<Callable<TestStudent>> logins = new ArrayList<>();
        for (int n = 1; n <= STUDENTS; n++) {
            String username = String.format("test_student_%02d", n);
            logins.add(() -> api.logIn(username, ContractText.FIXTURE_PASSWORD));
        }
        return Race.run(logins, START_DEADLINE);
    }

    private static List<Long> clinicIds(ApiClient api, String token) {
        List<Long> ids = new ArrayList<>();
        api.weeklySchedule(token)
                .expect(200)
                .path(Field.CLINICS)
                .forEach(c -> ids.add(c.path(Field.CLINIC_ID).asLong()));
        assertThat(ids).as("the fixture's clinics").hasSize(8);
        return ids;
    }

    /**
     * Sends the attempts from {@link #LOAD_THREADS} threads and kills the server when the
     * {@code killPoint}th answer 200 has arrived; answers still in flight then fail and end their thread.
     * Returns whether the kill happened.
     */
    private static boolean loadUntilKilled(
            ApiClient api,
            ServerProcess server,
            List<Reservation> attempts,
            Map<Long, String> tokens,
            int killPoint,
            List<Reservation> answered200) {
        Queue<Reservation> pending = new ConcurrentLinkedQueue<>(attempts);
        AtomicInteger successes = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(LOAD_THREADS);
        long end = System.nanoTime() + LOAD_DEADLINE.toNanos();
        try {
            for (int t = 0; t < LOAD_THREADS; t++) {
                threads.submit(() -> {
                    Reservation next;
                    while (System.nanoTime() < end && (next = pending.poll()) != null) {
                        ApiResponse answer;
                        try {
                            answer = api.reserve(tokens.get(next.studentId()), next.studentId(), next.clinicId());
                        } catch (IllegalStateException e) {
                            return;
                        }
                        if (answer.status() == 200) {
                            answered200.add(next);
                            if (successes.incrementAndGet() == killPoint) {
                                server.kill();
                            }
                        }
                    }
                });
            }
            threads.shutdown();
            if (!threads.awaitTermination(LOAD_DEADLINE.toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the load did not end within " + LOAD_DEADLINE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during the load", e);
        } finally {
            threads.shutdownNow();
        }
        return successes.get() >= killPoint;
    }
}
