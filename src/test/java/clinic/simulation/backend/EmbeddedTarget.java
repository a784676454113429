package clinic.simulation.backend;

import clinic.server.FixtureReport;
import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.server.ServerConfig;
import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.backend.TargetClient.Answer;
import clinic.simulation.options.SimulationOptions;
import clinic.simulation.scenario.ClinicRequests;
import clinic.simulation.scenario.StudentAccount;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded reference server: started in-process on a fresh in-memory database with the fixture of
 * the options, then warmed up. The server and the load generator share one JVM that starts cold, so the
 * first few hundred requests are slow until the JIT has compiled the server's request path; measured as
 * the load, that start-up cost turned a correct first run red. The warm-up sends that traffic before
 * the load, outside Gatling's statistics, then reloads the fixture, which also clears the rate limiter
 * and the fault counters, so the measured run starts exactly as a cold one would.
 */
record EmbeddedTarget(ReferenceServer server, FixtureReport fixture) {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTarget.class);

    /** Rounds of login, schedule read and reservation per warm-up worker. */
    private static final int WARM_UP_ROUNDS = 30;

    private static final int WARM_UP_WORKERS = 8;
    /** The warm-up stops here whatever it reached (a slow fault makes every reservation take 1.5 s). */
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(5);

    /** The running server, warmed up, with the fixture freshly loaded; closed again on any failure. */
    static EmbeddedTarget start(SimulationOptions options, List<StudentAccount> students) {
        FixtureSpec fixture =
                new FixtureSpec(true, true, options.layout(), options.capacity(), options.students(), true);
        ReferenceServer server = ReferenceServer.start(ServerConfig.defaults()
                .withPasswordIterations(options.passwordIterations())
                .withFaults(options.faults())
                .withFixture(fixture));
        try {
            warmUp(server, options, students);
            FixtureReport loaded = server.loadFixture(fixture);
            LOG.debug(
                    "embedded reference server at {} (faults: {})",
                    server.baseUrl(),
                    options.faults().isEmpty() ? "none" : options.faults());
            return new EmbeddedTarget(server, loaded);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static void warmUp(ReferenceServer server, SimulationOptions options, List<StudentAccount> students) {
        TargetClient api = new TargetClient(server.baseUrl(), options.requestTimeout());
        List<Long> clinicIds = server.fixtureReport().clinics().stream()
                .map(clinic -> clinic.id())
                .toList();
        long deadline = System.nanoTime() + WARM_UP_BUDGET.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(WARM_UP_WORKERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < WARM_UP_WORKERS; worker++) {
                int first = worker;
                running.add(workers.submit(() -> warmUpWorker(api, students, clinicIds, first, deadline)));
            }
            for (Future<?> future : running) {
                future.get(WARM_UP_BUDGET.toMillis() + options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            // a warm-up that did not finish only leaves the server colder; the load itself will tell
            LOG.debug("warm-up of the embedded server ended early", e);
        } finally {
            workers.shutdownNow();
        }
    }

    private static Void warmUpWorker(
            TargetClient api, List<StudentAccount> students, List<Long> clinicIds, int worker, long deadline)
            throws IOException {
        for (int round = 0; round < WARM_UP_ROUNDS && System.nanoTime() < deadline; round++) {
            StudentAccount student = students.get((worker + round * WARM_UP_WORKERS) % students.size());
            Answer login = api.post(ClinicRequests.LOGIN, student.loginPayload());
            LoginAnswer answer = LoginAnswer.classify(login.status(), login.body());
            if (!answer.ok()) {
                continue;
            }
            api.get(ClinicRequests.WEEKLY_SCHEDULE, answer.token());
            long clinicId = clinicIds.get(round % clinicIds.size());
            api.post(
                    ClinicRequests.RESERVE,
                    Map.of("user_id", answer.studentId(), "clinic_id", clinicId),
                    answer.token());
        }
        return null;
    }
}
