package clinic.simulation.report;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.output.AttemptsFile.Attempt;
import clinic.simulation.output.RunSummary;
import clinic.simulation.report.ClinicReport.StudentRow;
import clinic.simulation.report.ClinicReport.Try;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every student's row of the report: its tries, in the order it sent them. */
final class ReportStudents {

    private ReportStudents() {}

    static List<StudentRow> of(RunSummary summary, List<Attempt> inOrder, long origin) {
        Map<String, List<Attempt>> byStudent = new LinkedHashMap<>();
        inOrder.forEach(attempt -> byStudent
                .computeIfAbsent(attempt.student(), student -> new ArrayList<>())
                .add(attempt));
        Map<String, List<Long>> held = new LinkedHashMap<>();
        summary.finalClinics()
                .forEach(clinic -> clinic.students().stream()
                        .distinct()
                        .forEach(student -> held.computeIfAbsent(student, key -> new ArrayList<>())
                                .add(clinic.id())));
        Map<String, String> trouble = new LinkedHashMap<>();
        summary.students().scheduleFailures().forEach(student -> trouble.put(student, "스케줄 조회 실패"));
        summary.students().loginFailures().forEach(student -> trouble.put(student, "로그인 실패"));
        Set<String> everyone = new TreeSet<>(ClinicReport.NATURAL_ORDER);
        everyone.addAll(byStudent.keySet());
        everyone.addAll(held.keySet());
        everyone.addAll(trouble.keySet());
        return everyone.stream()
                .map(student -> {
                    List<Attempt> tries = byStudent.getOrDefault(student, List.of());
                    Map<RejectionReason, Integer> refusals = new EnumMap<>(RejectionReason.class);
                    tries.stream()
                            .filter(attempt -> attempt.reason() != RejectionReason.RESERVED)
                            .forEach(attempt -> refusals.merge(attempt.reason(), 1, Integer::sum));
                    return new StudentRow(
                            student,
                            tries.size(),
                            (int) tries.stream()
                                    .filter(attempt -> attempt.reason() == RejectionReason.RESERVED)
                                    .count(),
                            refusals,
                            held.getOrDefault(student, List.of()),
                            trouble.get(student),
                            tries.stream()
                                    .map(attempt -> new Try(
                                            attempt.clinicId(),
                                            attempt.reason(),
                                            attempt.answeredAtMs() - origin,
                                            attempt.latencyMs(),
                                            how(attempt)))
                                    .toList());
                })
                .toList();
    }

    private static String how(Attempt attempt) {
        return switch (attempt.kind()) {
            case OWN -> "";
            case SECOND_CLICK -> "second click";
            case FOR_ANOTHER_STUDENT -> "sent by " + attempt.caller();
        };
    }
}
