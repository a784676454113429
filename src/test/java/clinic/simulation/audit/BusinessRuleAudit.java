package clinic.simulation.audit;

import clinic.contract.Endpoint;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.audit.RuleCheck.Outcome;
import clinic.simulation.audit.RuleCheck.Rule;
import clinic.simulation.audit.RunLedger.AttemptKind;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The contract's business rules, judged from the answers and the final rosters. The contract checks a
 * reservation in a fixed order (closed clinic, already reserved, no-show, full), so an answer that only
 * a later check gives proves the earlier one was skipped: a blocked student told "occupied" was never
 * checked for no-shows.
 */
final class BusinessRuleAudit {

    /** Answers a blocked student can only get when the no-show check was skipped. */
    private static final Set<RejectionReason> PAST_NO_SHOW_CHECK =
            EnumSet.of(RejectionReason.RESERVED, RejectionReason.OCCUPIED);
    /** Answers a closed clinic can only give when its closing was ignored. */
    private static final Set<RejectionReason> PAST_CLOSED_CHECK = EnumSet.of(
            RejectionReason.RESERVED,
            RejectionReason.OCCUPIED,
            RejectionReason.ALREADY_RESERVED,
            RejectionReason.NO_SHOW_BLOCKED);
    /** Answers that show a request for somebody else was taken up rather than refused as forbidden. */
    private static final Set<RejectionReason> PAST_OWNER_CHECK = EnumSet.of(
            RejectionReason.RESERVED,
            RejectionReason.OCCUPIED,
            RejectionReason.ALREADY_RESERVED,
            RejectionReason.NO_SHOW_BLOCKED,
            RejectionReason.RESERVATION_CLOSED,
            RejectionReason.NOT_FOUND);

    /** Answers of the checks before the clinic's own (caller, rate, body): such an attempt tried no rule. */
    private static final Set<RejectionReason> BEFORE_THE_RULES = EnumSet.of(
            RejectionReason.FORBIDDEN,
            RejectionReason.RATE_LIMITED,
            RejectionReason.UNAUTHENTICATED,
            RejectionReason.INVALID_REQUEST);

    private final BusinessRules rules;
    private final ScheduleSnapshot before;
    private final ScheduleSnapshot after;
    private final Collection<ReservationAttempt> attempts;

    BusinessRuleAudit(
            BusinessRules rules,
            ScheduleSnapshot before,
            ScheduleSnapshot after,
            Collection<ReservationAttempt> attempts) {
        this.rules = rules;
        this.before = before;
        this.after = after;
        this.attempts = attempts;
    }

    /** Every rule's check; what breaks a rule goes into {@code violations} or {@code warnings}. */
    List<RuleCheck> judge(List<Finding> violations, List<Finding> warnings) {
        return List.of(
                noShowBlocking(violations),
                closedClinics(violations),
                doubleClicks(),
                foreignBookings(rules.strictSecurity() ? violations : warnings));
    }

    private RuleCheck noShowBlocking(List<Finding> violations) {
        Map<String, List<ReservationAttempt>> byStudent = new TreeMap<>();
        attempts.stream()
                .filter(BusinessRuleAudit::reachedTheRules)
                .filter(attempt -> rules.blockedStudents().contains(attempt.username()))
                .forEach(attempt -> byStudent
                        .computeIfAbsent(attempt.username(), key -> new ArrayList<>())
                        .add(attempt));
        Map<String, List<Clinic>> seated = new TreeMap<>();
        for (Clinic clinic : after.clinics()) {
            for (RosterStudent student : clinic.students()) {
                if (rules.blockedStudents().contains(student.username()) && !wasThere(clinic.id(), student.id())) {
                    seated.computeIfAbsent(student.username(), key -> new ArrayList<>())
                            .add(clinic);
                }
            }
        }
        Set<String> broken = new HashSet<>(seated.keySet());
        byStudent.forEach((username, tried) -> {
            if (tried.stream().anyMatch(attempt -> PAST_NO_SHOW_CHECK.contains(attempt.reason()))) {
                broken.add(username);
            }
        });
        broken.stream()
                .sorted()
                .forEach(username -> violations.add(new Finding(
                        Finding.Kind.NO_SHOW_NOT_BLOCKED,
                        username,
                        username + " 학생은 노쇼 2회라 거절(no_show_blocked)되어야 하는데 "
                                + String.join(
                                        ", 그리고 ",
                                        nonEmpty(
                                                answered(
                                                        byStudent.getOrDefault(username, List.of()),
                                                        PAST_NO_SHOW_CHECK),
                                                seated.containsKey(username)
                                                        ? "최종 명단에 있습니다: "
                                                                + seated.get(username).stream()
                                                                        .map(Clinic::label)
                                                                        .collect(Collectors.joining(", "))
                                                        : "")))));
        int tried = byStudent.values().stream().mapToInt(List::size).sum();
        return check(
                Rule.NO_SHOW_BLOCKING,
                rules.blockedStudents().size(),
                tried,
                count(byStudent.values().stream().flatMap(List::stream).toList(), RejectionReason.NO_SHOW_BLOCKED),
                !broken.isEmpty());
    }

    private RuleCheck closedClinics(List<Finding> violations) {
        Map<Long, List<ReservationAttempt>> byClinic = new TreeMap<>();
        attempts.stream()
                .filter(BusinessRuleAudit::reachedTheRules)
                .filter(attempt -> rules.closedClinicIds().contains(attempt.clinicId()))
                .forEach(attempt -> byClinic.computeIfAbsent(attempt.clinicId(), key -> new ArrayList<>())
                        .add(attempt));
        boolean broken = false;
        for (Long clinicId : new TreeSet<>(rules.closedClinicIds())) {
            List<ReservationAttempt> tried = byClinic.getOrDefault(clinicId, List.of());
            List<String> newcomers = after.clinic(clinicId).stream()
                    .flatMap(clinic -> clinic.students().stream())
                    .filter(student -> !wasThere(clinicId, student.id()))
                    .map(RosterStudent::username)
                    .toList();
            String answered = answered(tried, PAST_CLOSED_CHECK);
            if (!answered.isEmpty() || !newcomers.isEmpty()) {
                broken = true;
                violations.add(new Finding(
                        Finding.Kind.CLOSED_CLINIC_BOOKED,
                        "clinic " + clinicId,
                        "마감된 클리닉 " + clinicId + "은 거절(reservation_closed)해야 하는데 "
                                + String.join(
                                        ", 그리고 ",
                                        nonEmpty(
                                                answered,
                                                newcomers.isEmpty()
                                                        ? ""
                                                        : "최종 명단에 새 학생이 올랐습니다: " + String.join(", ", newcomers)))));
            }
        }
        List<ReservationAttempt> tried =
                byClinic.values().stream().flatMap(List::stream).toList();
        return check(
                Rule.CLOSED_CLINIC,
                rules.closedClinicIds().size(),
                tried.size(),
                count(tried, RejectionReason.RESERVATION_CLOSED),
                broken);
    }

    /**
     * A double click is kept when the two requests made one seat at most; the duplicate roster entry it
     * leaves otherwise is the audit's DUPLICATE_STUDENT violation, so nothing is added here.
     */
    private RuleCheck doubleClicks() {
        Map<StudentInClinic, List<ReservationAttempt>> pairs = new HashMap<>();
        Set<StudentInClinic> clicked = new HashSet<>();
        for (ReservationAttempt attempt : attempts) {
            StudentInClinic pair = new StudentInClinic(attempt.studentId(), attempt.clinicId());
            pairs.computeIfAbsent(pair, key -> new ArrayList<>()).add(attempt);
            if (attempt.kind() == AttemptKind.SECOND_CLICK) {
                clicked.add(pair);
            }
        }
        Set<String> clickers = new HashSet<>();
        int keptToOneSeat = 0;
        boolean broken = false;
        for (StudentInClinic pair : clicked) {
            List<ReservationAttempt> both = pairs.get(pair);
            clickers.add(both.get(0).caller());
            long seats = after.clinic(pair.clinicId()).stream()
                    .flatMap(clinic -> clinic.students().stream())
                    .filter(student -> student.id() == pair.studentId())
                    .count();
            if (seats > 1) {
                broken = true;
            } else if (count(both, RejectionReason.RESERVED) <= 1) {
                keptToOneSeat++;
            }
        }
        return check(Rule.DOUBLE_CLICK, clickers.size(), clicked.size(), keptToOneSeat, broken);
    }

    private RuleCheck foreignBookings(List<Finding> findings) {
        List<ReservationAttempt> probes = attempts.stream()
                .filter(attempt -> attempt.kind() == AttemptKind.FOR_ANOTHER_STUDENT)
                .toList();
        List<ReservationAttempt> taken = probes.stream()
                .filter(probe -> PAST_OWNER_CHECK.contains(probe.reason()))
                .toList();
        // the backend as a whole lets anybody book for anybody: one identity, whoever probed
        taken.forEach(probe -> findings.add(new Finding(
                Finding.Kind.FOREIGN_BOOKING,
                "",
                probe.caller() + " 학생이 자기 토큰으로 " + probe.username() + " 학생의 예약을 요청했는데 (POST "
                        + Endpoint.RESERVE.path() + " {\"user_id\": " + probe.studentId() + ", \"clinic_id\": "
                        + probe.clinicId() + "}), 백엔드가 거절(403 forbidden)하지 않고 처리했습니다 (" + probe.reason()
                        + ", HTTP " + probe.status() + ")")));
        RuleCheck check = check(
                Rule.FOREIGN_BOOKING,
                (int) probes.stream().map(ReservationAttempt::caller).distinct().count(),
                probes.size(),
                count(probes, RejectionReason.FORBIDDEN),
                !taken.isEmpty());
        return check.outcome() == Outcome.BROKEN && !rules.strictSecurity()
                ? new RuleCheck(check.rule(), check.subjects(), check.attempts(), check.asRuled(), Outcome.WARNED)
                : check;
    }

    private record StudentInClinic(long studentId, long clinicId) {}

    /** Whether the backend judged the attempt on the clinic and the student at all. */
    private static boolean reachedTheRules(ReservationAttempt attempt) {
        return !attempt.reason().technical() && !BEFORE_THE_RULES.contains(attempt.reason());
    }

    private boolean wasThere(long clinicId, long studentId) {
        return before.clinic(clinicId).stream()
                .flatMap(clinic -> clinic.students().stream())
                .anyMatch(student -> student.id() == studentId);
    }

    private static RuleCheck check(Rule rule, int subjects, int tried, int asRuled, boolean broken) {
        Outcome outcome = broken ? Outcome.BROKEN : tried == 0 ? Outcome.NOT_PROVOKED : Outcome.HELD;
        return new RuleCheck(rule, subjects, tried, asRuled, outcome);
    }

    private static int count(Collection<ReservationAttempt> attempts, RejectionReason reason) {
        return (int)
                attempts.stream().filter(attempt -> attempt.reason() == reason).count();
    }

    /** {@code RESERVED ×1, OCCUPIED ×2 로 답했습니다}, or empty when no answer is among {@code wrong}. */
    private static String answered(Collection<ReservationAttempt> attempts, Set<RejectionReason> wrong) {
        Map<RejectionReason, Integer> counts = new EnumMap<>(RejectionReason.class);
        attempts.stream()
                .filter(attempt -> wrong.contains(attempt.reason()))
                .forEach(attempt -> counts.merge(attempt.reason(), 1, Integer::sum));
        return counts.isEmpty()
                ? ""
                : counts.entrySet().stream()
                                .map(entry -> entry.getKey() + " ×" + entry.getValue())
                                .collect(Collectors.joining(", "))
                        + " 로 답했습니다";
    }

    private static List<String> nonEmpty(String... parts) {
        return Arrays.stream(parts).filter(part -> !part.isEmpty()).toList();
    }
}
