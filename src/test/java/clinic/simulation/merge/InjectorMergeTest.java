package clinic.simulation.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.RuleCheck;
import clinic.simulation.audit.RuleCheck.Outcome;
import clinic.simulation.audit.RuleCheck.Rule;
import clinic.simulation.audit.RunLedger.AttemptKind;
import clinic.simulation.output.AttemptsFile.Attempt;
import clinic.simulation.output.Diagnosis;
import clinic.simulation.output.FinalClinic;
import clinic.simulation.output.Harness;
import clinic.simulation.output.Latency;
import clinic.simulation.output.Opening;
import clinic.simulation.output.RunSummary;
import clinic.simulation.output.RunSummary.Audit;
import clinic.simulation.output.RunSummary.Reservations;
import clinic.simulation.output.RunSummary.Step;
import clinic.simulation.output.RunSummary.StepName;
import clinic.simulation.output.RunSummary.Students;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two injectors of one 5-student run (3 and 2 students), merged by hand-made summaries. */
class InjectorMergeTest {

    private static final String OPEN_AT = "2026-12-01T01:00:00Z";

    private static Map<String, Object> options(int index) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("baseUrl", "http://127.0.0.1:8000/api");
        options.put("students", 5);
        options.put("days", List.of("mon"));
        options.put("requestTimeoutSeconds", 60);
        options.put("p95Ms", 1000);
        options.put("injectorCount", 2);
        options.put("injectorIndex", index);
        options.put("openAt", OPEN_AT);
        options.put("seed", 42);
        return options;
    }

    private static Attempt attempt(String student, RejectionReason reason, long answeredAtMs, long latencyMs) {
        return new Attempt(answeredAtMs, student, 1, 10, reason, 200, latencyMs, "", AttemptKind.OWN, null);
    }

    /** One injector: its attempts answered {@code reasons}, its audit and rules as given. */
    private static InjectorRun injector(
            int index,
            int students,
            List<Attempt> attempts,
            List<Finding> violations,
            List<RuleCheck> rules,
            String firstSend,
            String auditedAt,
            String finalRoster) {
        Map<RejectionReason, Integer> byReason = new EnumMap<>(RejectionReason.class);
        attempts.forEach(attempt -> byReason.merge(attempt.reason(), 1, Integer::sum));
        int reserved = byReason.getOrDefault(RejectionReason.RESERVED, 0);
        Latency latency = Latency.of(attempts.stream().map(Attempt::latencyMs).toList());
        RunSummary summary = new RunSummary(
                options(index),
                3.0 + index,
                new Students(students, students, List.of(), List.of()),
                List.of(
                        new Step(
                                StepName.LOGIN,
                                students,
                                0,
                                List.of(),
                                new Latency(10 * index, 10, 20 * index, 30, 40)),
                        new Step(StepName.RESERVE, attempts.size(), attempts.size() - reserved, List.of(), latency)),
                new Reservations(attempts.size(), reserved, attempts.size() - reserved, 0, byReason),
                latency,
                new Audit(true, violations.isEmpty(), null, violations, List.of(), List.of(), rules, 2),
                List.of(new FinalClinic(10, "mon", "18:00", "1강의실", "physics1", "테스트강사01", 6, 1, List.of(finalRoster))),
                new Diagnosis(null, List.of("💡 hint " + index)),
                List.of(),
                new Opening(OPEN_AT, firstSend, firstSend, auditedAt, null),
                new Harness(100L * index, 10.0 * index));
        return new InjectorRun(Path.of("injector-" + index), summary, attempts);
    }

    private static InjectorRun first(List<Finding> violations) {
        return injector(
                1,
                3,
                List.of(
                        attempt("test_student_01", RejectionReason.RESERVED, 1_000, 100),
                        attempt("test_student_03", RejectionReason.OCCUPIED, 3_000, 300),
                        attempt("test_student_05", RejectionReason.SERVER_ERROR, 5_000, 500)),
                violations,
                List.of(
                        new RuleCheck(Rule.NO_SHOW_BLOCKING, 1, 2, 2, Outcome.HELD),
                        new RuleCheck(Rule.FOREIGN_BOOKING, 1, 1, 1, Outcome.HELD)),
                "2026-12-01T01:00:00.010Z",
                "2026-12-01T01:00:09Z",
                "test_student_01");
    }

    private static InjectorRun second() {
        return injector(
                2,
                2,
                List.of(
                        attempt("test_student_02", RejectionReason.RESERVED, 2_000, 200),
                        attempt("test_student_04", RejectionReason.OCCUPIED, 4_000, 400)),
                List.of(),
                List.of(
                        new RuleCheck(Rule.NO_SHOW_BLOCKING, 1, 0, 0, Outcome.NOT_PROVOKED),
                        new RuleCheck(Rule.FOREIGN_BOOKING, 1, 1, 0, Outcome.WARNED)),
                "2026-12-01T01:00:00.055Z",
                "2026-12-01T01:00:10Z",
                "test_student_02");
    }

    @Test
    void countsAddUpLatenciesComeFromEveryAttemptAndTheLastFinalStateIsKept() {
        InjectorMerge merge = InjectorMerge.of(List.of(second(), first(List.of())));
        RunSummary merged = merge.summary();

        assertThat(merge.attempts())
                .extracting(Attempt::answeredAtMs)
                .containsExactly(1_000L, 2_000L, 3_000L, 4_000L, 5_000L);
        assertThat(merged.students()).isEqualTo(new Students(5, 5, List.of(), List.of()));
        assertThat(merged.reservations().attempts()).isEqualTo(5);
        assertThat(merged.reservations().reserved()).isEqualTo(2);
        assertThat(merged.reservations().count(RejectionReason.OCCUPIED)).isEqualTo(2);
        assertThat(merged.reservations().successRatePercent()).isEqualTo(40.0);
        assertThat(merged.latencyMs()).isEqualTo(Latency.of(List.of(100L, 200L, 300L, 400L, 500L)));
        assertThat(merged.steps().get(StepName.LOGIN.ordinal()))
                .as("a step without its requests: each percentile at its highest")
                .isEqualTo(new Step(StepName.LOGIN, 5, 0, List.of(), new Latency(14, 10, 40, 30, 40)));
        assertThat(merged.finalClinics().get(0).students())
                .as("read last, by injector 2")
                .containsExactly("test_student_02");
        assertThat(merged.options()).containsEntry("injectorCount", 2).doesNotContainKey("injectorIndex");
        assertThat(merged.diagnosis().hints()).containsExactly("💡 hint 1", "💡 hint 2");
        assertThat(merged.opening().injectorsSpreadMs()).isEqualTo(45);
        assertThat(merged.harness()).isEqualTo(new Harness(200, 30.0));
        assertThat(merged.opening().firstSend()).isEqualTo("2026-12-01T01:00:00.010Z");
        assertThat(merged.audit().rules())
                .containsExactly(
                        new RuleCheck(Rule.NO_SHOW_BLOCKING, 1, 2, 2, Outcome.HELD),
                        new RuleCheck(Rule.FOREIGN_BOOKING, 2, 2, 1, Outcome.WARNED));
        assertThat(merged.audit().passed()).isTrue();
    }

    @Test
    void theMergedAuditFailsWhenAnyInjectorsDidWithEachFindingOnce() {
        Finding overbooked =
                new Finding(Finding.Kind.OVER_CAPACITY, "mon 18:00 1강의실", "clinic 10 holds 7 students for 6");
        InjectorRun failing = first(List.of(overbooked));

        Audit audit = InjectorMerge.of(List.of(failing, second())).summary().audit();

        assertThat(audit.passed()).isFalse();
        assertThat(audit.violations()).containsExactly(overbooked);
    }

    @Test
    void foldersThatAreNotTheInjectorsOfOneRunAreRefusedSayingWhy() {
        assertThatThrownBy(() -> InjectorMerge.of(List.of(first(List.of()))))
                .hasMessage("a run of 2 injectors needs each of [1, 2] once, got [1]");
        assertThatThrownBy(() -> InjectorMerge.of(List.of(first(List.of()), first(List.of()))))
                .hasMessage("a run of 2 injectors needs each of [1, 2] once, got [1, 1]");
        InjectorRun other = second();
        other.summary().options().put("seed", 43);
        assertThatThrownBy(() -> InjectorMerge.of(List.of(first(List.of()), other)))
                .hasMessage("not the injectors of one run: seed is 42 in injector-1 but 43 in injector-2");
    }
}
