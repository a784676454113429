package clinic.simulation.merge;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.RuleCheck;
import clinic.simulation.output.AttemptsFile.Attempt;
import clinic.simulation.output.Diagnosis;
import clinic.simulation.output.Harness;
import clinic.simulation.output.Latency;
import clinic.simulation.output.Opening;
import clinic.simulation.output.RunSummary;
import clinic.simulation.output.RunSummary.Audit;
import clinic.simulation.output.RunSummary.FailureCount;
import clinic.simulation.output.RunSummary.Reservations;
import clinic.simulation.output.RunSummary.Step;
import clinic.simulation.output.RunSummary.StepName;
import clinic.simulation.output.RunSummary.Students;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The injectors of one run, merged into one summary: counts add up, reservation latencies are computed
 * again from every attempt, the audit fails when any injector's did (its findings are the union of theirs),
 * and the final state is the one read last; the harness's rate adds up, its heap is the largest injector's. Latencies of the other steps are not kept per request, so
 * their merged percentiles are each injector's highest: an upper bound.
 *
 * @param summary the merged summary
 * @param attempts every injector's attempts, in the order they were answered
 */
record InjectorMerge(RunSummary summary, List<Attempt> attempts) {

    /** Options that are each injector's own and say nothing about the run. */
    private static final List<String> OWN_OPTIONS = List.of("injectorIndex");
    /** Options every injector of one run shares. */
    private static final List<String> SHARED_OPTIONS =
            List.of("baseUrl", "students", "days", "seed", "injectorCount", "openAt", "p95Ms");

    /** Throws {@link IllegalArgumentException} when the runs are not the injectors of one run, all of them. */
    static InjectorMerge of(List<InjectorRun> given) {
        List<InjectorRun> runs = given.stream()
                .sorted(Comparator.comparingInt(InjectorRun::index))
                .toList();
        checkOneRun(runs);
        List<RunSummary> summaries = runs.stream().map(InjectorRun::summary).toList();
        List<Attempt> attempts = runs.stream()
                .flatMap(run -> run.attempts().stream())
                .sorted(Comparator.comparingLong(Attempt::answeredAtMs))
                .toList();
        // the final state read last holds every other injector's seats too
        RunSummary latest = summaries.stream()
                .filter(summary -> summary.opening().auditedAt() != null)
                .max(Comparator.comparing(
                        summary -> Instant.parse(summary.opening().auditedAt())))
                .orElse(summaries.get(0));
        Map<String, Object> options = new LinkedHashMap<>(summaries.get(0).options());
        OWN_OPTIONS.forEach(options::remove);
        Students students = new Students(
                sum(summaries, summary -> summary.students().total()),
                sum(summaries, summary -> summary.students().loggedIn()),
                concat(summaries, summary -> summary.students().loginFailures()),
                concat(summaries, summary -> summary.students().scheduleFailures()));
        Reservations reservations = reservations(summaries);
        Latency reservationLatency =
                Latency.of(attempts.stream().map(Attempt::latencyMs).toList());
        RunSummary merged = new RunSummary(
                options,
                summaries.stream().mapToDouble(RunSummary::elapsedSeconds).max().orElse(0),
                students,
                steps(summaries, reservationLatency),
                reservations,
                reservationLatency,
                audit(summaries),
                latest.finalClinics(),
                new Diagnosis(
                        summaries.stream()
                                .map(summary -> summary.diagnosis().headline())
                                .filter(Objects::nonNull)
                                .findFirst()
                                .orElse(null),
                        distinct(summaries, summary -> summary.diagnosis().hints())),
                latest.expectedClinics(),
                opening(summaries),
                new Harness(
                        summaries.stream()
                                .mapToLong(summary -> summary.harness().peakHeapMb())
                                .max()
                                .orElse(0),
                        summaries.stream()
                                .mapToDouble(summary -> summary.harness().requestsPerSecond())
                                .sum()));
        return new InjectorMerge(merged, attempts);
    }

    private static void checkOneRun(List<InjectorRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no injector run to merge");
        }
        InjectorRun first = runs.get(0);
        for (InjectorRun run : runs) {
            for (String option : SHARED_OPTIONS) {
                Object mine = run.summary().options().get(option);
                Object theirs = first.summary().options().get(option);
                if (!Objects.equals(mine, theirs)) {
                    throw new IllegalArgumentException("not the injectors of one run: " + option + " is " + theirs
                            + " in " + first.folder() + " but " + mine + " in " + run.folder());
                }
            }
        }
        List<Integer> indexes = runs.stream().map(InjectorRun::index).toList();
        List<Integer> expected =
                Stream.iterate(1, index -> index + 1).limit(first.count()).toList();
        if (!indexes.equals(expected)) {
            throw new IllegalArgumentException(
                    "a run of " + first.count() + " injectors needs each of " + expected + " once, got " + indexes);
        }
    }

    private static Reservations reservations(List<RunSummary> summaries) {
        Map<RejectionReason, Integer> byReason = new EnumMap<>(RejectionReason.class);
        summaries.forEach(summary -> summary.reservations()
                .byReason()
                .forEach((reason, count) -> byReason.merge(reason, count, Integer::sum)));
        int attempts = sum(summaries, summary -> summary.reservations().attempts());
        int reserved = sum(summaries, summary -> summary.reservations().reserved());
        double rate = attempts == 0 ? 0 : Math.round(1000.0 * reserved / attempts) / 10.0;
        return new Reservations(attempts, reserved, attempts - reserved, rate, byReason);
    }

    private static List<Step> steps(List<RunSummary> summaries, Latency reservationLatency) {
        List<Step> steps = new ArrayList<>();
        for (StepName name : StepName.values()) {
            List<Step> ofName = summaries.stream()
                    .flatMap(summary -> summary.steps().stream())
                    .filter(step -> step.name() == name)
                    .toList();
            Map<String, Integer> failures = new LinkedHashMap<>();
            ofName.forEach(step -> step.failures()
                    .forEach(failure -> failures.merge(failure.reason(), failure.count(), Integer::sum)));
            steps.add(new Step(
                    name,
                    ofName.stream().mapToInt(Step::requests).sum(),
                    ofName.stream().mapToInt(Step::failed).sum(),
                    failures.entrySet().stream()
                            .map(entry -> new FailureCount(entry.getKey(), entry.getValue()))
                            .sorted(Comparator.comparingInt(FailureCount::count).reversed())
                            .toList(),
                    name == StepName.RESERVE ? reservationLatency : highest(ofName)));
        }
        return steps;
    }

    /** Each percentile at its highest among the injectors, the mean weighted by their requests. */
    private static Latency highest(List<Step> steps) {
        int requests = steps.stream().mapToInt(Step::requests).sum();
        double mean = requests == 0
                ? 0
                : steps.stream()
                                .mapToDouble(step -> step.latencyMs().mean() * step.requests())
                                .sum()
                        / requests;
        return new Latency(
                Math.round(mean * 10) / 10.0,
                max(steps, latency -> latency.p50()),
                max(steps, latency -> latency.p95()),
                max(steps, latency -> latency.p99()),
                max(steps, latency -> latency.max()));
    }

    private static long max(List<Step> steps, ToLongFunction<Latency> percentile) {
        return steps.stream()
                .mapToLong(step -> percentile.applyAsLong(step.latencyMs()))
                .max()
                .orElse(0);
    }

    /** Failed when any injector's failed or did not run; the findings of all, each once. */
    private static Audit audit(List<RunSummary> summaries) {
        List<Audit> audits = summaries.stream().map(RunSummary::audit).toList();
        String problems = audits.stream()
                .map(Audit::problem)
                .filter(Objects::nonNull)
                .distinct()
                .collect(Collectors.joining("; "));
        return new Audit(
                audits.stream().allMatch(Audit::ran),
                audits.stream().allMatch(audit -> audit.ran() && audit.passed()),
                problems.isEmpty() ? null : problems,
                distinctFindings(audits, Audit::violations),
                distinctFindings(audits, Audit::accepted),
                distinctFindings(audits, Audit::warnings),
                rules(audits),
                audits.stream().mapToLong(Audit::millis).max().orElse(0));
    }

    private static List<Finding> distinctFindings(List<Audit> audits, Function<Audit, List<Finding>> findings) {
        return List.copyOf(audits.stream()
                .flatMap(audit -> findings.apply(audit).stream())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /**
     * Each rule over all injectors: attempts add up; the blocked students and closed clinics are the run's,
     * the same for every injector, while double-clickers and probers are each injector's own; the worst
     * outcome wins.
     */
    private static List<RuleCheck> rules(List<Audit> audits) {
        Map<RuleCheck.Rule, RuleCheck> merged = new TreeMap<>();
        audits.stream()
                .flatMap(audit -> audit.rules().stream())
                .forEach(check -> merged.merge(check.rule(), check, (a, b) -> {
                    boolean shared =
                            a.rule() == RuleCheck.Rule.NO_SHOW_BLOCKING || a.rule() == RuleCheck.Rule.CLOSED_CLINIC;
                    return new RuleCheck(
                            a.rule(),
                            shared ? Math.max(a.subjects(), b.subjects()) : a.subjects() + b.subjects(),
                            a.attempts() + b.attempts(),
                            a.asRuled() + b.asRuled(),
                            worse(a.outcome(), b.outcome()));
                }));
        return List.copyOf(merged.values());
    }

    /** Broken over warned over held over not provoked. */
    private static RuleCheck.Outcome worse(RuleCheck.Outcome a, RuleCheck.Outcome b) {
        List<RuleCheck.Outcome> order = List.of(
                RuleCheck.Outcome.NOT_PROVOKED,
                RuleCheck.Outcome.HELD,
                RuleCheck.Outcome.WARNED,
                RuleCheck.Outcome.BROKEN);
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private static Opening opening(List<RunSummary> summaries) {
        List<Opening> openings = summaries.stream().map(RunSummary::opening).toList();
        List<String> firstSends = openings.stream()
                .map(Opening::firstSend)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        return new Opening(
                openings.get(0).openAt(),
                firstSends.isEmpty() ? null : firstSends.get(0),
                latest(openings, Opening::lastFirstSend),
                latest(openings, Opening::auditedAt),
                firstSends.size() < 2
                        ? null
                        : Opening.millisBetween(firstSends.get(0), firstSends.get(firstSends.size() - 1)));
    }

    private static String latest(List<Opening> openings, Function<Opening, String> instant) {
        return openings.stream()
                .map(instant)
                .filter(Objects::nonNull)
                .max(Comparator.comparing(Instant::parse))
                .orElse(null);
    }

    private static int sum(List<RunSummary> summaries, Function<RunSummary, Integer> count) {
        return summaries.stream().mapToInt(count::apply).sum();
    }

    private static List<String> concat(List<RunSummary> summaries, Function<RunSummary, List<String>> names) {
        return summaries.stream()
                .flatMap(summary -> names.apply(summary).stream())
                .toList();
    }

    private static List<String> distinct(List<RunSummary> summaries, Function<RunSummary, List<String>> lines) {
        return summaries.stream()
                .flatMap(summary -> lines.apply(summary).stream())
                .distinct()
                .toList();
    }
}
