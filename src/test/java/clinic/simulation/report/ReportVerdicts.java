package clinic.simulation.report;

import clinic.simulation.audit.Finding;
import clinic.simulation.output.RunSummary;
import clinic.simulation.output.RunSummary.StepName;
import clinic.simulation.report.ClinicReport.Check;
import clinic.simulation.report.ClinicReport.FindingGroup;
import clinic.simulation.report.ClinicReport.RuleLine;
import clinic.simulation.report.ClinicReport.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The report's verdict: the simulation's checks as the summary shows them, and every finding by kind. */
public final class ReportVerdicts {

    private ReportVerdicts() {}

    /** The run's verdict, as its clinic report shows it, from its summary alone. */
    public static Verdict of(RunSummary summary) {
        RunSummary.Students students = summary.students();
        RunSummary.Audit audit = summary.audit();
        Object bound = summary.options().get("p95Ms");
        long p95 = summary.steps().stream()
                .filter(step -> step.name() == StepName.RESERVE)
                .findFirst()
                .map(step -> step.latencyMs().p95())
                .orElse(0L);
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(
                "로그인 실패 없음",
                students.loginFailures().isEmpty(),
                "로그인 " + students.loggedIn() + " / " + students.total()));
        checks.add(new Check(
                "스케줄 조회 실패 없음",
                students.scheduleFailures().isEmpty(),
                "스케줄 조회 실패 " + students.scheduleFailures().size() + "명"));
        checks.add(new Check(
                "최종 상태 감사 통과",
                audit.ran() && audit.passed(),
                !audit.ran()
                        ? "실행되지 않음"
                        : !audit.passed()
                                ? "위반 " + audit.violations().size() + "건"
                                : audit.accepted().isEmpty()
                                        ? "위반 없음"
                                        : "새 위반 없음 (받아들인 발견 " + audit.accepted().size() + "건)"));
        if (bound instanceof Number limit) {
            checks.add(new Check(
                    "예약 응답시간 p95 < " + limit.longValue() + " ms",
                    p95 < limit.doubleValue(),
                    "p95 " + p95 + " ms (Gatling의 assertion이 최종 판정)"));
        }
        return new Verdict(
                checks.stream().allMatch(Check::passed),
                summary.diagnosis().headline(),
                checks,
                audit.problem(),
                grouped(audit.violations()),
                grouped(audit.accepted()),
                grouped(audit.warnings()),
                audit.rules().stream().map(RuleLine::of).toList(),
                summary.diagnosis().hints());
    }

    private static List<FindingGroup> grouped(List<Finding> findings) {
        Map<Finding.Kind, List<String>> byKind = new EnumMap<>(Finding.Kind.class);
        findings.forEach(finding -> byKind.computeIfAbsent(finding.kind(), kind -> new ArrayList<>())
                .add(finding.note() == null ? finding.message() : finding.message() + " (☑️ " + finding.note() + ")"));
        return byKind.entrySet().stream()
                .map(entry -> new FindingGroup(entry.getKey(), entry.getKey().meaning(), entry.getValue()))
                .toList();
    }
}
