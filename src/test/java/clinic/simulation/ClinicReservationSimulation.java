package clinic.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rendezVous;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinic reservation load test: students register, log in, read the schedule, meet at a rendezvous
 * and race for the target day's clinics; then one auditor checks the backend's final state against
 * every answer it gave. Options: {@link SimulationOptions}.
 */
public class ClinicReservationSimulation extends Simulation {

    private static final Logger SUMMARY = LoggerFactory.getLogger("clinic.simulation.Summary");

    private final SimulationOptions options = failingLoudly(SimulationOptions::fromSystemProperties);
    private final List<StudentAccount> students = StudentAccount.load(options.students());
    private final RunLedger ledger = new RunLedger();
    private final AtomicReference<AuditResult> auditResult = new AtomicReference<>();
    private final PreparedTarget target = failingLoudly(() -> PreparedTarget.prepare(options, students.get(0)));
    private final ClinicSteps steps = new ClinicSteps(
            ledger,
            ReservationPlanner.from(options),
            options.day(),
            new FinalStateAudit(target.before(), target.expectedClinics()),
            auditResult);

    private final HttpProtocolBuilder httpProtocol =
            http.baseUrl(target.baseUrl()).acceptHeader("application/json").userAgentHeader("clinic-load (Gatling)");

    private final ScenarioBuilder studentsReserving = scenario("Students")
            .feed(listFeeder(students.stream()
                            .map(ClinicReservationSimulation::feederRecord)
                            .toList())
                    .queue())
            .exec(steps.register(), steps.login(), steps.readSchedule())
            .exec(rendezVous(options.students()))
            .exec(steps.reserveClinics());

    private final ScenarioBuilder finalStateAudit = scenario("Final state audit")
            .feed(listFeeder(List.of(feederRecord(students.get(0)))))
            .exec(steps.audit());

    {
        SUMMARY.info(
                "🚀 클리닉 예약 부하 테스트: {} 학생, {} ({}), 대상 {}, seed {}{}",
                options.students(),
                options.day().koreanName(),
                options.profile().optionValue(),
                target.baseUrl(),
                options.seed(),
                options.seedGiven() ? "" : " (임의 생성: -Dseed=" + options.seed() + " 로 반복)");
        setUp(studentsReserving
                        .injectOpen(options.profile().injection(options))
                        .andThen(finalStateAudit.injectOpen(atOnceUsers(1))))
                .protocols(httpProtocol)
                .assertions(assertions())
                .maxDuration(maxDuration());
    }

    private List<Assertion> assertions() {
        return List.of(
                details("Login").failedRequests().count().is(0L),
                details("Schedule").failedRequests().count().is(0L),
                details("Audit").failedRequests().count().is(0L),
                details("Audit", "Audit final state").allRequests().count().is(1L),
                details("Reserve", "Reserve clinic")
                        .responseTime()
                        .percentile(95.0)
                        .lt(options.p95Ms()));
    }

    /**
     * The run's upper bound: arrivals, then every request of a student timing out and every pause at its
     * longest, then the audit, plus slack. A run cut short misses the audit, which fails an assertion.
     */
    private Duration maxDuration() {
        double arrivals = switch (options.profile()) {
            case AT_ONCE -> 0;
            case RAMP -> options.rampSeconds();
            case CONSTANT_RATE -> options.durationSeconds();
        };
        long requestTimeout = ClinicApiClient.TIMEOUT.toSeconds();
        double student =
                (3 + options.maxReservations()) * requestTimeout + options.maxReservations() * options.pauseMax();
        return Duration.ofSeconds(Math.round(arrivals + student + 2 * requestTimeout + 60));
    }

    private static Map<String, Object> feederRecord(StudentAccount account) {
        return Map.of(SessionKeys.ACCOUNT, account);
    }

    @Override
    public void after() {
        try {
            AuditResult result = auditResult.get();
            Instant end = ledger.loadEnded() != null ? ledger.loadEnded() : Instant.now();
            Duration elapsed =
                    ledger.loadStarted() == null ? Duration.ZERO : Duration.between(ledger.loadStarted(), end);
            RunSummary summary = RunSummary.of(
                    options,
                    ledger,
                    elapsed,
                    options.students(),
                    result == null ? List.of() : result.finalSchedule().on(options.day()),
                    result == null ? null : result.verdict(),
                    "the audit could not read the final schedule (see the Audit group in the report)");
            SUMMARY.info("\n{}", summary.consoleText());
            Path folder = RunFolder.locate(Path.of(options.resultsFolder()));
            write(folder.resolve("clinic-summary.json"), Json.write(summary.toJson()));
            write(folder.resolve("clinic_test.log"), ClinicTestLog.render(ledger, summary));
            SUMMARY.info("📁 clinic-summary.json, clinic_test.log: {}", folder.toAbsolutePath());
        } finally {
            target.close();
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Prints why the run cannot start, on its own lines, before Gatling logs the same exception with its
     * stack trace: the reason stays readable above the trace.
     */
    private static <T> T failingLoudly(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            SUMMARY.error("\n{}\n", e.getMessage());
            throw e;
        }
    }
}
