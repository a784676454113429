package clinic.simulation.output;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.audit.ExpectedClinic;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.RuleCheck;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.audit.RunLedger.Login;
import clinic.simulation.audit.RunLedger.Registration;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.audit.RunLedger.ScheduleRead;
import clinic.simulation.audit.Verdict;
import clinic.simulation.options.RunOptions;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The figures of one run, computed from the ledger after the load: what the console prints and what
 * clinic-summary.json holds (Jackson writes and reads these records as they are).
 *
 * @param options as {@link RunOptions#describe()} lists them
 * @param finalClinics the target day's clinics as the audit read them; empty when the audit did not run
 * @param expectedClinics the clinics the setup made, each with whether the final schedule showed it
 * @param opening when the reservations opened on this injector, and when it audited
 * @param harness what the load generator itself took
 */
public record RunSummary(
        Map<String, Object> options,
        double elapsedSeconds,
        Students students,
        List<Step> steps,
        Reservations reservations,
        Latency latencyMs,
        Audit audit,
        List<FinalClinic> finalClinics,
        Diagnosis diagnosis,
        List<ExpectedClinicSeen> expectedClinics,
        Opening opening,
        Harness harness) {

    /** A summary written before these parts existed reads as having none. */
    public RunSummary {
        expectedClinics = expectedClinics == null ? List.of() : expectedClinics;
        opening = opening == null ? new Opening(null, null, null, null, null) : opening;
        harness = harness == null ? new Harness(0, 0) : harness;
    }

    public static final String FILE = "clinic-summary.json";

    /** The business steps of a student, each a Gatling group. */
    public enum StepName {
        REGISTER("등록"),
        LOGIN("로그인"),
        SCHEDULE("스케줄 조회"),
        RESERVE("예약");

        private final String label;

        StepName(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * How one step went: its requests, how many failed (for reservations: were not accepted) and why,
     * the most frequent reason first.
     */
    public record Step(StepName name, int requests, int failed, List<FailureCount> failures, Latency latencyMs) {

        /** @param failure what a request of the step failed with, null for one that did not */
        static <T> Step of(StepName name, List<T> requests, Function<T, String> failure, ToLongFunction<T> latency) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            requests.stream()
                    .map(failure)
                    .filter(Objects::nonNull)
                    .forEach(reason -> counts.merge(reason, 1, Integer::sum));
            List<FailureCount> ranked = counts.entrySet().stream()
                    .map(entry -> new FailureCount(entry.getKey(), entry.getValue()))
                    .sorted(Comparator.comparingInt(FailureCount::count).reversed())
                    .toList();
            return new Step(
                    name,
                    requests.size(),
                    ranked.stream().mapToInt(FailureCount::count).sum(),
                    ranked,
                    Latency.of(requests.stream().map(latency::applyAsLong).toList()));
        }
    }

    /** One reason a step failed, and how often. */
    public record FailureCount(String reason, int count) {}

    /** Who took part. */
    public record Students(int total, int loggedIn, List<String> loginFailures, List<String> scheduleFailures) {}

    /** Every reservation attempt by what its answer meant; {@code byReason} lists every reason, zeros included. */
    public record Reservations(
            int attempts, int reserved, int failed, double successRatePercent, Map<RejectionReason, Integer> byReason) {

        public int count(RejectionReason reason) {
            return byReason.getOrDefault(reason, 0);
        }

        /** Attempts answered 5xx, unexpectedly or not at all. */
        public int technicalFailures() {
            return byReason.entrySet().stream()
                    .filter(entry -> entry.getKey().technical())
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }

        /** Whether the backend applied its rate limit: its window may still hold this run's requests. */
        public boolean rateLimited() {
            return count(RejectionReason.RATE_LIMITED) > 0;
        }
    }

    /**
     * The audit's conclusion.
     *
     * @param passed true when it ran and found no violation but accepted ones
     * @param problem why the audit did not run; absent when it ran
     * @param accepted findings known and accepted ({@code -DacceptedFindings}, or standing at the smallest load
     *     of a capacity search), each with its note: reported apart, never failing the run
     * @param rules how each business rule fared
     * @param millis how long the audit took (0 when it did not run)
     */
    public record Audit(
            boolean ran,
            boolean passed,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem,
            List<Finding> violations,
            List<Finding> accepted,
            List<Finding> warnings,
            List<RuleCheck> rules,
            long millis) {

        /** A summary written before accepted findings existed reads as having none. */
        public Audit {
            accepted = accepted == null ? List.of() : accepted;
        }

        static Audit of(FinalStateAudit.Result result) {
            Verdict verdict = result.verdict();
            return new Audit(
                    true,
                    verdict.passed(),
                    null,
                    verdict.violations(),
                    verdict.accepted(),
                    verdict.warnings(),
                    verdict.rules(),
                    result.millis());
        }

        static Audit notRun(String problem) {
            return new Audit(false, false, problem, List.of(), List.of(), List.of(), List.of(), 0);
        }

        /** Every finding of the run: violations, accepted ones and warnings. */
        public List<Finding> findings() {
            return Stream.of(violations, accepted, warnings)
                    .flatMap(List::stream)
                    .toList();
        }
    }

    /**
     * A clinic the setup made (what {@code CLINIC_NOT_VISIBLE} checks), on any day.
     *
     * @param id known when the embedded server reported it
     * @param visible whether the whole final schedule showed it; null when the audit did not read it
     */
    public record ExpectedClinicSeen(Long id, String day, String time, String room, Boolean visible) {}

    /**
     * @param audit what the audit read and concluded; null when it did not run (then {@code auditProblem}
     *     says why)
     */
    public static RunSummary of(
            RunOptions options,
            RunLedger ledger,
            Duration elapsed,
            int studentsTotal,
            FinalStateAudit.Result audit,
            String auditProblem) {
        List<Login> logins = ledger.logins();
        int loggedIn = (int) logins.stream()
                .filter(Login::ok)
                .map(Login::username)
                .distinct()
                .count();
        List<String> loginFailures = logins.stream()
                .filter(login -> !login.ok())
                .map(Login::username)
                .toList();
        List<String> scheduleFailures = ledger.scheduleReads().stream()
                .filter(read -> !read.ok())
                .map(ScheduleRead::username)
                .toList();
        List<ReservationAttempt> attempts = ledger.attempts();
        Map<RejectionReason, Integer> byReason = new EnumMap<>(RejectionReason.class);
        for (RejectionReason reason : RejectionReason.values()) {
            byReason.put(reason, 0);
        }
        attempts.forEach(attempt -> byReason.merge(attempt.reason(), 1, Integer::sum));
        int reserved = byReason.get(RejectionReason.RESERVED);
        double successRate = attempts.isEmpty() ? 0 : 100.0 * reserved / attempts.size();
        List<Step> steps = List.of(
                Step.of(
                        StepName.REGISTER,
                        ledger.registrations(),
                        registration -> registration.answer().failure(),
                        Registration::latencyMs),
                Step.of(StepName.LOGIN, logins, Login::failure, Login::latencyMs),
                Step.of(StepName.SCHEDULE, ledger.scheduleReads(), ScheduleRead::failure, ScheduleRead::latencyMs),
                Step.of(
                        StepName.RESERVE,
                        attempts,
                        attempt -> attempt.answer().refusal(),
                        ReservationAttempt::latencyMs));
        Students students = new Students(studentsTotal, loggedIn, loginFailures, scheduleFailures);
        Reservations reservations = new Reservations(
                attempts.size(), reserved, attempts.size() - reserved, Math.round(successRate * 10) / 10.0, byReason);
        return new RunSummary(
                options.describe(),
                elapsed.toMillis() / 1000.0,
                students,
                steps,
                reservations,
                Latency.of(attempts.stream().map(ReservationAttempt::latencyMs).toList()),
                audit == null ? Audit.notRun(auditProblem) : Audit.of(audit),
                audit == null
                        ? List.of()
                        : audit.finalSchedule().on(options.week().days()).stream()
                                .map(FinalClinic::of)
                                .toList(),
                Diagnosis.of(options, students, steps, reservations),
                List.of(),
                Opening.of(options.injectors().openAt(), attempts, ledger.loadEnded()),
                Harness.of(steps, elapsed));
    }

    /** This summary with the clinics the setup made, each seen or not in {@code finalSchedule} (null: not read). */
    public RunSummary withExpectedClinics(List<ExpectedClinic> expected, ScheduleSnapshot finalSchedule) {
        List<ExpectedClinicSeen> seen = expected.stream()
                .map(clinic -> new ExpectedClinicSeen(
                        clinic.id(),
                        clinic.day(),
                        clinic.time(),
                        clinic.room(),
                        finalSchedule == null
                                ? null
                                : finalSchedule.clinics().stream().anyMatch(clinic::matches)))
                .toList();
        return new RunSummary(
                options,
                elapsedSeconds,
                students,
                steps,
                reservations,
                latencyMs,
                audit,
                finalClinics,
                diagnosis,
                seen,
                opening,
                harness);
    }

    public static RunSummary read(Path file) {
        try {
            return SimulationJson.MAPPER.readValue(file.toFile(), RunSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A one-line account of the run, for failure messages and reports. */
    public String brief() {
        return "attempts " + reservations.attempts() + ", reserved " + reservations.reserved() + ", logged in "
                + students.loggedIn() + "/" + students.total() + ", p95 " + latencyMs.p95() + " ms, audit "
                + (audit.ran() ? audit.passed() ? "passed" : "failed " + audit.violations() : "did not run");
    }
}
