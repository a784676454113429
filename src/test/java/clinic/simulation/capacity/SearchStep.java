package clinic.simulation.capacity;

import clinic.simulation.output.Latency;
import clinic.simulation.output.RunSummary;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the capacity search: a whole run of the main simulation with {@code students} students, and
 * whether it held the service level.
 *
 * @param number the step's place in the search, from 1
 * @param rerun true for the second run of a step whose first run broke only by a little (see
 *     {@link #worthRerunning(int)})
 * @param loggedIn students logged in, of {@code students}
 * @param p50Ms the reservation latency percentiles (nearest rank), 0 without reservations
 * @param technicalFailures reservations that got a 5xx, no answer or an unexpected one, and failed schedule
 *     reads
 * @param auditPassed whether the audit ran and found nothing; null when the run gave no summary
 * @param breaches what broke the service level; empty when the step held
 * @param problem why the run gave no summary (could not start, crashed, cut at the time bound); null when it did
 * @param report the step's clinic report, relative to the search's folder; null without one
 */
@JsonIgnoreProperties(value = "verdict", allowGetters = true)
public record SearchStep(
        int number,
        int students,
        boolean rerun,
        int loggedIn,
        long p50Ms,
        long p95Ms,
        long p99Ms,
        int technicalFailures,
        Boolean auditPassed,
        List<Breach> breaches,
        String problem,
        double seconds,
        String report) {

    /** What breaks the service level, in the order the console names them. */
    public enum Breach {
        P95("p95 초과"),
        TECHNICAL_FAILURES("기술 오류"),
        LOGIN_FAILURES("로그인 실패"),
        /**
         * The backend refused students for its rate limit: a step never sends more than the contract's limit
         * per student, so the backend still counted an earlier step's requests (see searchPauseSeconds).
         */
        RATE_LIMITED("요청 한도 초과"),
        AUDIT("감사 실패"),
        INCOMPLETE("실행 미완료");

        private final String label;

        Breach(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A step broken by p95 alone, by less than this share above {@code p95Ms}, runs once more before it
     * counts: one noisy run on a shared machine must not set the limit. Errors and audit failures count at once.
     */
    static final double MARGINAL_P95 = 0.25;

    /** The step as its run's summary tells it. */
    static SearchStep of(
            int number, int students, boolean rerun, RunSummary summary, int p95Limit, double seconds, String report) {
        Latency latency = summary.latencyMs();
        int technical = summary.reservations().technicalFailures()
                + summary.students().scheduleFailures().size();
        boolean auditPassed = summary.audit().ran() && summary.audit().passed();
        List<Breach> breaches = new ArrayList<>();
        if (latency.p95() > p95Limit) {
            breaches.add(Breach.P95);
        }
        if (technical > 0) {
            breaches.add(Breach.TECHNICAL_FAILURES);
        }
        if (summary.reservations().rateLimited()) {
            breaches.add(Breach.RATE_LIMITED);
        }
        if (summary.students().loggedIn() < students) {
            breaches.add(Breach.LOGIN_FAILURES);
        }
        if (!auditPassed) {
            breaches.add(Breach.AUDIT);
        }
        return new SearchStep(
                number,
                students,
                rerun,
                summary.students().loggedIn(),
                latency.p50(),
                latency.p95(),
                latency.p99(),
                technical,
                auditPassed,
                List.copyOf(breaches),
                null,
                seconds,
                report);
    }

    /** A run that gave no summary: it could not start, crashed, or was cut at the search's time bound. */
    static SearchStep incomplete(int number, int students, boolean rerun, String problem, double seconds) {
        return new SearchStep(
                number, students, rerun, 0, 0, 0, 0, 0, null, List.of(Breach.INCOMPLETE), problem, seconds, null);
    }

    @JsonIgnore
    public boolean held() {
        return breaches.isEmpty();
    }

    /** Broken by p95 alone, and only just: see {@link #MARGINAL_P95}. */
    boolean worthRerunning(int p95Limit) {
        return !rerun && breaches.equals(List.of(Breach.P95)) && p95Ms <= p95Limit * (1 + MARGINAL_P95);
    }

    /** The breaches in words, e.g. {@code p95 초과, 기술 오류}; {@code 통과} when it held (written for the page). */
    @JsonProperty("verdict")
    public String verdict() {
        return held()
                ? "통과"
                : String.join(", ", breaches.stream().map(Breach::label).toList());
    }
}
