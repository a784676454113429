package clinic.simulation.backend;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.backend.TargetClient.Answer;
import clinic.simulation.scenario.StudentAccount;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traffic of every kind (login, schedule read, reservation) before the load, outside Gatling's statistics,
 * so that the embedded server's request path is compiled: a cold server turned a correct first run red.
 * Each student logs in once and its later rounds reuse the token: a login is mostly password hashing, and
 * one per round made most of the warm-up's work in every run's JVM.
 */
final class ServerWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWarmUp.class);

    /** Rounds of login, schedule read and reservation per warm-up worker. */
    private static final int WARM_UP_ROUNDS = 30;

    private static final int WARM_UP_WORKERS = 8;
    /** The warm-up stops here whatever it reached (a slow fault makes every reservation take 1.5 s). */
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(5);

    private ServerWarmUp() {}

    /** Traffic of every kind against the server at {@code baseUrl}, bounded in rounds and in time. */
    static void run(String baseUrl, Duration requestTimeout, List<StudentAccount> students) {
        TargetClient api = new TargetClient(baseUrl, requestTimeout);
        long deadline = System.nanoTime() + WARM_UP_BUDGET.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(WARM_UP_WORKERS);
        Map<String, LoginAnswer> loggedIn = new ConcurrentHashMap<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < WARM_UP_WORKERS; worker++) {
                int first = worker;
                running.add(workers.submit(() -> warmUpWorker(api, students, loggedIn, first, deadline)));
            }
            for (Future<?> future : running) {
                future.get(WARM_UP_BUDGET.toMillis() + requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            // a warm-up that did not finish only leaves the server colder; the load itself will tell
            LOG.debug("warm-up of the embedded server ended early", e);
        } finally {
            workers.shutdownNow();
        }
    }

    private static Void warmUpWorker(
            TargetClient api,
            List<StudentAccount> students,
            Map<String, LoginAnswer> loggedIn,
            int worker,
            long deadline)
            throws IOException {
        for (int round = 0; round < WARM_UP_ROUNDS && System.nanoTime() < deadline; round++) {
            StudentAccount student = students.get((worker + round * WARM_UP_WORKERS) % students.size());
            LoginAnswer answer = loggedIn.get(student.username());
            if (answer == null) {
                Answer login = api.post(Endpoint.LOGIN.path(), student.loginPayload());
                answer = LoginAnswer.classify(login.status(), login.body());
                if (!answer.ok()) {
                    continue;
                }
                loggedIn.put(student.username(), answer);
            }
            Answer schedule = api.get(Endpoint.WEEKLY_SCHEDULE.path(), answer.token());
            ScheduleSnapshot.Answer read = ScheduleSnapshot.Answer.classify(schedule.status(), schedule.body());
            if (!read.ok() || read.schedule().clinics().isEmpty()) {
                continue;
            }
            List<ScheduleSnapshot.Clinic> clinics = read.schedule().clinics();
            long clinicId = clinics.get(round % clinics.size()).id();
            api.post(
                    Endpoint.RESERVE.path(),
                    Map.of(Field.USER_ID, answer.studentId(), Field.CLINIC_ID, clinicId),
                    answer.token());
        }
        return null;
    }
}
