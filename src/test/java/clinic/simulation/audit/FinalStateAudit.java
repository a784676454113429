package clinic.simulation.audit;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** One thing the audit found: a violation, or a warning that does not fail the run. */
    public record Finding(Kind kind, String message) {

        public enum Kind {
            OVER_CAPACITY,
            DUPLICATE_STUDENT,
            ACCEPTED_MISSING,
            PHANTOM_RESERVATION,
            CLINIC_NOT_VISIBLE,
            TECHNICAL_FAILURES,
            /** A student with no_show 2 was let through the no-show check. */
            NO_SHOW_NOT_BLOCKED,
            /** A closed clinic took a reservation or was let past the closed check. */
            CLOSED_CLINIC_BOOKED,
            /** A student booked for another: a warning unless strictSecurity (production allows it). */
            FOREIGN_BOOKING,
            /** Warning only: production allows one student in two clinics at the same day and time. */
            SAME_TIME_CLINICS;

            /** The kinds that can fail the run: every one but the warning (FOREIGN_BOOKING fails it when strict). */
            public static List<Kind> violations() {
                return Arrays.stream(values())
                        .filter(kind -> kind != SAME_TIME_CLINICS)
                        .toList();
            }

            /** What a finding of this kind means, in the report's Korean. */
            public String meaning() {
                return switch (this) {
                    case OVER_CAPACITY -> "정원 초과 예약";
                    case DUPLICATE_STUDENT -> "한 클리닉 명단에 같은 학생이 두 번 이상";
                    case ACCEPTED_MISSING -> "성공(200)으로 답한 예약이 최종 명단에 없음";
                    case PHANTOM_RESERVATION -> "성공 응답 없이 최종 명단에 오른 학생";
                    case CLINIC_NOT_VISIBLE -> "준비된 클리닉이 최종 스케줄에 보이지 않음";
                    case TECHNICAL_FAILURES -> "기술적 실패 (5xx, 예상하지 못한 응답, 무응답)";
                    case NO_SHOW_NOT_BLOCKED -> "노쇼 2회 이상 학생의 예약이 차단되지 않음";
                    case CLOSED_CLINIC_BOOKED -> "마감된 클리닉이 예약을 받음";
                    case FOREIGN_BOOKING -> "다른 학생 명의의 예약 요청을 받아들임 (보안)";
                    case SAME_TIME_CLINICS -> "같은 시간에 두 클리닉 (경고: production은 허용)";
                };
            }
        }

        @Override
        public String toString() {
            return kind + ": " + message;
        }
    }

    /**
     * The audit's conclusion: passed when there is no violation; warnings never fail it.
     *
     * @param rules how each business rule fared
     */
    public record Verdict(List<Finding> violations, List<Finding> warnings, List<RuleCheck> rules) {

        public Verdict {
            violations = List.copyOf(violations);
            warnings = List.copyOf(warnings);
            rules = List.copyOf(rules);
        }

        public Verdict(List<Finding> violations, List<Finding> warnings) {
            this(violations, warnings, List.of());
        }

        public boolean passed() {
            return violations.isEmpty();
        }

        /**
         * The KO message of the audit check of one kind, at most {@code maxLength} characters because
         * Gatling cuts longer ones: the kind, its meaning and count, then every finding that fits whole;
         * what does not fit is counted and left to {@code whereInFull}. Null when there is no violation
         * of that kind.
         */
        public String failureMessage(Finding.Kind kind, int maxLength, String whereInFull) {
            List<String> messages = violations.stream()
                    .filter(violation -> violation.kind() == kind)
                    .map(Finding::message)
                    .toList();
            if (messages.isEmpty()) {
                return null;
            }
            StringBuilder text = new StringBuilder()
                    .append(kind)
                    .append(' ')
                    .append(messages.size())
                    .append("건 (")
                    .append(kind.meaning())
                    .append("): ");
            for (int shown = 0; shown < messages.size(); shown++) {
                String separator = shown == 0 ? "" : "; ";
                int after = messages.size() - shown - 1;
                String message = messages.get(shown);
                if (text.length()
                                + separator.length()
                                + message.length()
                                + restOf(after, whereInFull).length()
                        <= maxLength) {
                    text.append(separator).append(message);
                    continue;
                }
                if (shown > 0) {
                    return text.append(restOf(after + 1, whereInFull)).toString();
                }
                // the first finding alone is longer than a row (a long roster): its head, cut between words
                String rest = after == 0 ? " … " + whereInFull : restOf(after, whereInFull);
                String head = message.substring(
                        0, Math.max(0, Math.min(message.length(), maxLength - text.length() - rest.length())));
                int lastSpace = head.lastIndexOf(' ');
                return text.append(lastSpace > 0 ? head.substring(0, lastSpace) : head)
                        .append(rest)
                        .toString();
            }
            return text.toString();
        }

        /** Nothing when {@code count} is 0. */
        private static String restOf(int count, String whereInFull) {
            return count == 0 ? "" : " … 외 " + count + "건: " + whereInFull;
        }
    }

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

    /** The audit of a run with one injector: every seat of the final state is judged here. */
    public FinalStateAudit(ScheduleSnapshot before, List<ExpectedClinic> expectedClinics, BusinessRules rules) {
        this(before, expectedClinics, rules, Set.of());
    }

    /**
     * @param judgedElsewhere usernames of the run's students that other injectors drive: their answers are
     *     in the other ledgers, so a seat of theirs is theirs to judge, not a phantom here
     */
    public FinalStateAudit(
            ScheduleSnapshot before,
            List<ExpectedClinic> expectedClinics,
            BusinessRules rules,
            Set<String> judgedElsewhere) {
        this.before = before;
        this.expectedClinics = List.copyOf(expectedClinics);
        this.rules = rules;
        this.judgedElsewhere = Set.copyOf(judgedElsewhere);
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
        return new Verdict(violations, warnings, ruleChecks);
    }

    private record StudentInClinic(long studentId, long clinicId) {}

    private static void checkCapacity(Clinic clinic, List<Finding> violations) {
        int held = Math.max(clinic.students().size(), clinic.currentCount());
        if (held > clinic.capacity()) {
            violations.add(new Finding(
                    Finding.Kind.OVER_CAPACITY,
                    clinic.label() + " holds " + held + " students for a capacity of " + clinic.capacity()
                            + " (roster " + clinic.students().size() + ", current_count " + clinic.currentCount()
                            + "): " + names(clinic.students())));
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
                        clinic.label() + " lists " + entries.get(0).username() + " (id "
                                + entries.get(0).id() + ") " + entries.size() + " times (its answers there: "
                                + String.join(
                                        ", ",
                                        answers.getOrDefault(
                                                new StudentInClinic(
                                                        entries.get(0).id(), clinic.id()),
                                                List.of("none")))
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
                    student.username() + " (id " + student.id() + ") is in the roster of " + clinic.label()
                            + " but was not there before and no reservation of it was answered 200 (answers: "
                            + (given.isEmpty() ? "none" : String.join(", ", given)) + ")"));
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
                    String student = usernames.get(reservation.studentId()) + " (id " + reservation.studentId() + ")";
                    after.clinic(reservation.clinicId())
                            .ifPresentOrElse(
                                    clinic -> {
                                        boolean listed = clinic.students().stream()
                                                .anyMatch(rostered -> rostered.id() == reservation.studentId());
                                        if (!listed) {
                                            violations.add(new Finding(
                                                    Finding.Kind.ACCEPTED_MISSING,
                                                    "the reservation of " + student + " in " + clinic.label()
                                                            + " was answered 200 but the student is not in its "
                                                            + "final roster"));
                                        }
                                    },
                                    () -> violations.add(new Finding(
                                            Finding.Kind.ACCEPTED_MISSING,
                                            "the reservation of " + student + " in clinic "
                                                    + reservation.clinicId() + " was answered 200 but that clinic is "
                                                    + "not in the final schedule")));
                });
    }

    private void checkExpectedVisible(ScheduleSnapshot after, List<Finding> violations) {
        for (ExpectedClinic expected : expectedClinics) {
            if (after.clinics().stream().noneMatch(expected::matches)) {
                violations.add(new Finding(
                        Finding.Kind.CLINIC_NOT_VISIBLE,
                        expected.label() + " made by the setup is not in the final schedule"
                                + (after.fromClinicList()
                                        ? ""
                                        : " (the answer had no 'clinics' list, only the grid, which "
                                                + "shows one clinic per day and time)")));
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
                    total + " reservation attempt(s) failed technically: "
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
                                usernames.get(studentId) + " (id " + studentId + ") holds " + sameSlot.size()
                                        + " clinics at " + slot + ": "
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
