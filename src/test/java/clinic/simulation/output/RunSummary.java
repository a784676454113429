package clinic.simulation.output;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.audit.FinalStateAudit.Finding;
import clinic.simulation.audit.FinalStateAudit.Verdict;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.audit.RunLedger.Login;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.audit.RunLedger.ScheduleRead;
import clinic.simulation.options.SimulationOptions;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run, computed from the ledger after the load: what the console prints and what
 * clinic-summary.json holds (Jackson writes and reads these records as they are).
 *
 * @param options as {@link SimulationOptions#describe()} lists them
 * @param finalClinics the target day's clinics as the audit read them; empty when the audit did not run
 */
public record RunSummary(
        Map<String, Object> options,
        double elapsedSeconds,
        Students students,
        Reservations reservations,
        Latency latencyMs,
        Audit audit,
        List<FinalClinic> finalClinics) {

    public static final String FILE = "clinic-summary.json";

    /** Who took part. */
    public record Students(int total, int loggedIn, List<String> loginFailures, List<String> scheduleFailures) {}

    /** Every reservation attempt by what its answer meant; {@code byReason} lists every reason, zeros included. */
    public record Reservations(
            int attempts, int reserved, int failed, double successRatePercent, Map<RejectionReason, Integer> byReason) {

        public int count(RejectionReason reason) {
            return byReason.getOrDefault(reason, 0);
        }
    }

    /** Reservation latencies in milliseconds (nearest-rank percentiles; 0 when there was no attempt). */
    public record Latency(double mean, long p50, long p95, long p99, long max) {

        static Latency of(List<Long> latencies) {
            if (latencies.isEmpty()) {
                return new Latency(0, 0, 0, 0, 0);
            }
            List<Long> sorted = latencies.stream().sorted().toList();
            double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
            return new Latency(
                    Math.round(mean * 10) / 10.0,
                    rank(sorted, 50),
                    rank(sorted, 95),
                    rank(sorted, 99),
                    sorted.get(sorted.size() - 1));
        }

        private static long rank(List<Long> sorted, double percentile) {
            int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index));
        }
    }

    /**
     * The audit's conclusion.
     *
     * @param problem why the audit did not run; absent when it ran
     */
    public record Audit(
            boolean ran,
            boolean passed,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem,
            List<Finding> violations,
            List<Finding> warnings) {}

    /** One clinic of the final schedule, its roster by username. */
    public record FinalClinic(
            long id,
            String day,
            String time,
            String room,
            String subject,
            String teacher,
            int capacity,
            int currentCount,
            List<String> students) {

        static FinalClinic of(Clinic clinic) {
            return new FinalClinic(
                    clinic.id(),
                    clinic.day(),
                    clinic.time(),
                    clinic.room(),
                    clinic.subject(),
                    clinic.teacherName(),
                    clinic.capacity(),
                    clinic.currentCount(),
                    clinic.students().stream().map(RosterStudent::username).toList());
        }
    }

    /**
     * @param finalClinics the target day's clinics as the audit read them; empty when it did not run
     * @param verdict null when the audit did not run (then {@code auditProblem} says why)
     */
    public static RunSummary of(
            SimulationOptions options,
            RunLedger ledger,
            Duration elapsed,
            int studentsTotal,
            List<Clinic> finalClinics,
            Verdict verdict,
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
        return new RunSummary(
                options.describe(),
                elapsed.toMillis() / 1000.0,
                new Students(studentsTotal, loggedIn, loginFailures, scheduleFailures),
                new Reservations(
                        attempts.size(),
                        reserved,
                        attempts.size() - reserved,
                        Math.round(successRate * 10) / 10.0,
                        byReason),
                Latency.of(attempts.stream().map(ReservationAttempt::latencyMs).toList()),
                verdict == null
                        ? new Audit(false, false, auditProblem, List.of(), List.of())
                        : new Audit(true, verdict.passed(), null, verdict.violations(), verdict.warnings()),
                finalClinics.stream().map(FinalClinic::of).toList());
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
