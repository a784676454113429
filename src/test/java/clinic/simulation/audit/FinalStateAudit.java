package clinic.simulation.audit;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the backend's final state against what it answered during the load (the ledger) and what was
 * there before (the BEFORE snapshot). Status codes alone cannot show a lost write or an overbooking;
 * the rosters can.
 */
public final class FinalStateAudit {

    /**
     * What the audit read and concluded.
     *
     * @param millis how long the audit itself took (not the read of the schedule)
     */
    public record Result(ScheduleSnapshot finalSchedule, Verdict verdict, long millis) {}

    private final ScheduleSnapshot before;
    private final List<ExpectedClinic> expectedClinics;
    private final BusinessRules rules;
    private final Set<String> judgedElsewhere;
    private final AcceptedFindings acceptedFindings;

    /** The audit of a run with one injector, nothing accepted: every seat of the final state is judged here. */
    public FinalStateAudit(ScheduleSnapshot before, List<ExpectedClinic> expectedClinics, BusinessRules rules) {
        this(before, expectedClinics, rules, Set.of(), AcceptedFindings.NONE);
    }

    /**
     * @param judgedElsewhere usernames of the run's students that other injectors drive: their answers are
     *     in the other ledgers, so a seat of theirs is theirs to judge, not a phantom here
     * @param acceptedFindings findings known and accepted, reported apart and never failing the run
     */
    public FinalStateAudit(
            ScheduleSnapshot before,
            List<ExpectedClinic> expectedClinics,
            BusinessRules rules,
            Set<String> judgedElsewhere,
            AcceptedFindings acceptedFindings) {
        this.before = before;
        this.expectedClinics = List.copyOf(expectedClinics);
        this.rules = rules;
        this.judgedElsewhere = Set.copyOf(judgedElsewhere);
        this.acceptedFindings = acceptedFindings;
    }

    /** The audit of the final schedule, with how long it took. */
    public Result judge(ScheduleSnapshot after, Collection<ReservationAttempt> attempts) {
        long started = System.nanoTime();
        Verdict verdict = audit(after, attempts);
        return new Result(after, verdict, (System.nanoTime() - started) / 1_000_000);
    }

    /** Audits in time linear in the answers and the seats: every map is keyed, nothing is searched. */
    public Verdict audit(ScheduleSnapshot after, Collection<ReservationAttempt> attempts) {
        List<Finding> violations = new ArrayList<>();
        Set<StudentInClinic> accepted = new HashSet<>();
        Map<StudentInClinic, List<String>> answers = new HashMap<>();
        Map<Long, String> usernames = new LinkedHashMap<>();
        for (ReservationAttempt attempt : attempts) {
            StudentInClinic pair = new StudentInClinic(attempt.studentId(), attempt.clinicId());
            usernames.put(attempt.studentId(), attempt.username());
            answers.computeIfAbsent(pair, key -> new ArrayList<>())
                    .add(attempt.reason().name());
            if (attempt.reason() == RejectionReason.RESERVED) {
                accepted.add(pair);
            }
        }
        for (Clinic clinic : after.clinics()) {
            checkCapacity(clinic, violations);
            checkDuplicates(clinic, answers, violations);
            checkPhantoms(clinic, accepted, answers, violations);
        }
        checkAcceptedPresent(after, accepted, usernames, rules.closedClinicIds(), violations);
        checkExpectedVisible(after, violations);
        checkTechnicalFailures(attempts, violations);
        List<Finding> warnings = new ArrayList<>();
        List<RuleCheck> ruleChecks = new BusinessRuleAudit(rules, before, after, attempts).judge(violations, warnings);
        warnings.addAll(sameTimeWarnings(after));
        List<Finding> known = new ArrayList<>();
        return new Verdict(unaccepted(violations, known), known, unaccepted(warnings, known), ruleChecks);
    }

    /** The findings not accepted; the accepted ones go to {@code accepted}, marked with their note. */
    private List<Finding> unaccepted(List<Finding> findings, List<Finding> accepted) {
        List<Finding> left = new ArrayList<>();
        for (Finding finding : findings) {
            if (acceptedFindings.accepts(finding)) {
                accepted.add(acceptedFindings.mark(finding));
            } else {
                left.add(finding);
            }
        }
        return left;
    }

    private record StudentInClinic(long studentId, long clinicId) {}

    private static void checkCapacity(Clinic clinic, List<Finding> violations) {
        int held = Math.max(clinic.students().size(), clinic.currentCount());
        if (held > clinic.capacity()) {
            violations.add(new Finding(
                    Finding.Kind.OVER_CAPACITY,
                    clinic.slot(),
                    clinic.label() + "에 정원 " + clinic.capacity() + "명보다 많은 " + held + "명이 있습니다 (명단 "
                            + clinic.students().size() + "명, current_count " + clinic.currentCount() + "): "
                            + names(clinic.students())));
        }
    }

    private static void checkDuplicates(
            Clinic clinic, Map<StudentInClinic, List<String>> answers, List<Finding> violations) {
        Map<Long, List<RosterStudent>> byId = clinic.students().stream()
                .collect(Collectors.groupingBy(RosterStudent::id, LinkedHashMap::new, Collectors.toList()));
        byId.values().stream()
                .filter(entries -> entries.size() > 1)
                .forEach(entries -> violations.add(new Finding(
                        Finding.Kind.DUPLICATE_STUDENT,
                        clinic.slot() + " " + entries.get(0).username(),
                        clinic.label() + " 명단에 " + entries.get(0).username() + " (id "
                                + entries.get(0).id()
                                + ") 학생이 " + entries.size() + "번 있습니다 (이 클리닉에서 받은 응답: "
                                + String.join(
                                        ", ",
                                        answers.getOrDefault(
                                                new StudentInClinic(
                                                        entries.get(0).id(), clinic.id()),
                                                List.of("없음")))
                                + ")")));
    }

    private void checkPhantoms(
            Clinic clinic,
            Set<StudentInClinic> accepted,
            Map<StudentInClinic, List<String>> answers,
            List<Finding> violations) {
        Set<Long> there = before.clinic(clinic.id())
                .map(earlier ->
                        earlier.students().stream().map(RosterStudent::id).collect(Collectors.toSet()))
                .orElse(Set.of());
        Set<Long> seen = new HashSet<>();
        for (RosterStudent student : clinic.students()) {
            if (!seen.add(student.id())
                    || there.contains(student.id())
                    || judgedElsewhere.contains(student.username())
                    || accepted.contains(new StudentInClinic(student.id(), clinic.id()))) {
                continue;
            }
            List<String> given = answers.getOrDefault(new StudentInClinic(student.id(), clinic.id()), List.of());
            violations.add(new Finding(
                    Finding.Kind.PHANTOM_RESERVATION,
                    clinic.slot() + " " + student.username(),
                    student.username() + " (id " + student.id() + ") 학생이 " + clinic.label()
                            + " 명단에 있지만 부하 전에는 없었고 200으로 답한 예약도 없습니다 (받은 응답: "
                            + (given.isEmpty() ? "없음" : String.join(", ", given)) + ")"));
        }
    }

    /** A seat in a closed clinic, which the schedule does not show, is the business-rule finding instead. */
    private static void checkAcceptedPresent(
            ScheduleSnapshot after,
            Set<StudentInClinic> accepted,
            Map<Long, String> usernames,
            Set<Long> closedClinicIds,
            List<Finding> violations) {
        accepted.stream()
                .filter(reservation -> !closedClinicIds.contains(reservation.clinicId())
                        || after.clinic(reservation.clinicId()).isPresent())
                .sorted((a, b) -> a.clinicId() != b.clinicId()
                        ? Long.compare(a.clinicId(), b.clinicId())
                        : Long.compare(a.studentId(), b.studentId()))
                .forEach(reservation -> {
                    String username = usernames.get(reservation.studentId());
                    String student = username + " (id " + reservation.studentId() + ") 학생";
                    after.clinic(reservation.clinicId())
                            .ifPresentOrElse(
                                    clinic -> {
                                        boolean listed = clinic.students().stream()
                                                .anyMatch(rostered -> rostered.id() == reservation.studentId());
                                        if (!listed) {
                                            violations.add(new Finding(
                                                    Finding.Kind.ACCEPTED_MISSING,
                                                    clinic.slot() + " " + username,
                                                    student + "의 " + clinic.label() + " 예약은 200으로 성공했지만 최종 명단에 없습니다"));
                                        }
                                    },
                                    () -> violations.add(new Finding(
                                            Finding.Kind.ACCEPTED_MISSING,
                                            "clinic " + reservation.clinicId() + " " + username,
                                            student + "의 클리닉 " + reservation.clinicId()
                                                    + " 예약은 200으로 성공했지만 그 클리닉이 최종 스케줄에 없습니다")));
                });
    }

    private void checkExpectedVisible(ScheduleSnapshot after, List<Finding> violations) {
        for (ExpectedClinic expected : expectedClinics) {
            if (after.clinics().stream().noneMatch(expected::matches)) {
                violations.add(new Finding(
                        Finding.Kind.CLINIC_NOT_VISIBLE,
                        expected.slot(),
                        "설정이 만든 " + expected.label() + "이 최종 스케줄에 없습니다"
                                + (after.fromClinicList()
                                        ? ""
                                        : " (응답에 'clinics' 목록이 없고, 요일·시간마다 클리닉 하나만 보여 주는 grid뿐이었습니다)")));
            }
        }
    }

    private static void checkTechnicalFailures(Collection<ReservationAttempt> attempts, List<Finding> violations) {
        Map<RejectionReason, Long> technical = new EnumMap<>(RejectionReason.class);
        attempts.stream()
                .filter(attempt -> attempt.reason().technical())
                .forEach(attempt -> technical.merge(attempt.reason(), 1L, Long::sum));
        long total = technical.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            violations.add(new Finding(
                    Finding.Kind.TECHNICAL_FAILURES,
                    "",
                    "예약 시도 " + total + "건이 기술적으로 실패했습니다: "
                            + technical.entrySet().stream()
                                    .map(entry -> entry.getKey() + " " + entry.getValue())
                                    .collect(Collectors.joining(", "))));
        }
    }

    private static List<Finding> sameTimeWarnings(ScheduleSnapshot after) {
        Map<Long, List<Clinic>> clinicsByStudent = new LinkedHashMap<>();
        Map<Long, String> usernames = new LinkedHashMap<>();
        for (Clinic clinic : after.clinics()) {
            clinic.students().stream()
                    .map(RosterStudent::id)
                    .distinct()
                    .forEach(id -> clinicsByStudent
                            .computeIfAbsent(id, key -> new ArrayList<>())
                            .add(clinic));
            clinic.students().forEach(student -> usernames.putIfAbsent(student.id(), student.username()));
        }
        List<Finding> warnings = new ArrayList<>();
        clinicsByStudent.forEach((studentId, clinics) -> clinics.stream()
                .collect(Collectors.groupingBy(
                        clinic -> clinic.day() + " " + clinic.time(), LinkedHashMap::new, Collectors.toList()))
                .forEach((slot, sameSlot) -> {
                    if (sameSlot.size() > 1) {
                        warnings.add(new Finding(
                                Finding.Kind.SAME_TIME_CLINICS,
                                usernames.get(studentId) + " " + slot,
                                usernames.get(studentId) + " (id " + studentId + ") 학생이 " + slot + "에 클리닉 "
                                        + sameSlot.size() + "개를 잡고 있습니다: "
                                        + sameSlot.stream()
                                                .map(clinic -> clinic.id() + " (" + clinic.room() + ")")
                                                .collect(Collectors.joining(", "))));
                    }
                }));
        return warnings;
    }

    private static String names(List<RosterStudent> students) {
        return students.stream().map(RosterStudent::username).collect(Collectors.joining(", "));
    }
}
