package clinic.simulation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.audit.Finding.Kind;
import clinic.simulation.audit.RuleCheck.Outcome;
import clinic.simulation.audit.RuleCheck.Rule;
import clinic.simulation.audit.RunLedger.AttemptKind;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The business rules judged on hand-made ledgers and schedules: one clinic open (10), one closed (99),
 * student 3 blocked for no-shows.
 */
class BusinessRuleAuditTest {

    private static final RosterStudent ALICE = new RosterStudent(1, "테스트학생01", "test_student_01");
    private static final RosterStudent BOB = new RosterStudent(2, "테스트학생02", "test_student_02");
    private static final RosterStudent BLOCKED = new RosterStudent(3, "테스트학생03", "test_student_03");
    private static final long OPEN = 10;
    private static final long CLOSED = 99;

    private static final BusinessRules RULES = new BusinessRules(Set.of(BLOCKED.username()), Set.of(CLOSED), false);

    private static Clinic open(RosterStudent... roster) {
        return new Clinic(OPEN, "mon", "18:00", "1강의실", "physics1", "테스트강사01", 6, roster.length, Arrays.asList(roster));
    }

    private static ScheduleSnapshot schedule(Clinic... clinics) {
        return new ScheduleSnapshot(List.of(clinics), true);
    }

    private static ReservationAttempt own(RosterStudent student, long clinicId, RejectionReason reason) {
        return attempt(student, clinicId, reason, AttemptKind.OWN, student);
    }

    private static ReservationAttempt attempt(
            RosterStudent forStudent, long clinicId, RejectionReason reason, AttemptKind kind, RosterStudent caller) {
        return new ReservationAttempt(
                forStudent.username(),
                forStudent.id(),
                clinicId,
                new ReservationAnswer(reason, ""),
                reason == RejectionReason.RESERVED ? 200 : 400,
                5,
                "{}",
                Instant.now(),
                kind,
                caller.username());
    }

    private static Verdict audit(BusinessRules rules, ScheduleSnapshot after, ReservationAttempt... attempts) {
        return new FinalStateAudit(schedule(open()), List.of(), rules).audit(after, List.of(attempts));
    }

    private static RuleCheck rule(Verdict verdict, Rule rule) {
        return verdict.rules().stream()
                .filter(check -> check.rule() == rule)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aBackendThatKeepsEveryRuleHasEveryRuleHeldCountingOnlyTheAttemptsThatReachedIt() {
        Verdict verdict = audit(
                RULES,
                schedule(open(ALICE, BOB)),
                own(BLOCKED, OPEN, RejectionReason.NO_SHOW_BLOCKED),
                own(BLOCKED, CLOSED, RejectionReason.RESERVATION_CLOSED),
                own(BOB, CLOSED, RejectionReason.RESERVATION_CLOSED),
                attempt(ALICE, CLOSED, RejectionReason.FORBIDDEN, AttemptKind.FOR_ANOTHER_STUDENT, BOB),
                own(BLOCKED, OPEN, RejectionReason.SERVER_ERROR),
                own(ALICE, OPEN, RejectionReason.RESERVED),
                attempt(ALICE, OPEN, RejectionReason.ALREADY_RESERVED, AttemptKind.SECOND_CLICK, ALICE),
                own(BOB, OPEN, RejectionReason.RESERVED),
                attempt(ALICE, OPEN, RejectionReason.FORBIDDEN, AttemptKind.FOR_ANOTHER_STUDENT, BOB));

        assertThat(verdict.warnings()).isEmpty();
        assertThat(verdict.rules())
                .containsExactly(
                        new RuleCheck(Rule.NO_SHOW_BLOCKING, 1, 2, 1, Outcome.HELD),
                        new RuleCheck(Rule.CLOSED_CLINIC, 1, 2, 2, Outcome.HELD),
                        new RuleCheck(Rule.DOUBLE_CLICK, 1, 1, 1, Outcome.HELD),
                        new RuleCheck(Rule.FOREIGN_BOOKING, 1, 2, 2, Outcome.HELD));
        assertThat(verdict.violations())
                .as("the server error is the audit's, not a rule's")
                .extracting(Finding::kind)
                .containsExactly(Kind.TECHNICAL_FAILURES);
    }

    @Test
    void aBlockedStudentLetThroughIsOneViolationNamingItsAnswersAndItsSeat() {
        Verdict verdict = audit(
                RULES,
                schedule(open(BLOCKED)),
                own(BLOCKED, OPEN, RejectionReason.RESERVED),
                own(BLOCKED, OPEN, RejectionReason.ALREADY_RESERVED));

        assertThat(verdict.violations())
                .containsExactly(new Finding(
                        Kind.NO_SHOW_NOT_BLOCKED,
                        "test_student_03",
                        "test_student_03 학생은 노쇼 2회라 거절(no_show_blocked)되어야 하는데 RESERVED ×1 로 답했습니다, "
                                + "그리고 최종 명단에 있습니다: 클리닉 10 (mon 18:00 1강의실)"));
        assertThat(rule(verdict, Rule.NO_SHOW_BLOCKING).outcome()).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void anOccupiedAnswerToABlockedStudentShowsTheNoShowCheckWasSkipped() {
        Verdict verdict = audit(RULES, schedule(open()), own(BLOCKED, OPEN, RejectionReason.OCCUPIED));

        assertThat(verdict.violations()).extracting(Finding::kind).containsExactly(Kind.NO_SHOW_NOT_BLOCKED);
    }

    @Test
    void aClosedClinicThatTookAReservationIsAViolationAndNotAMissingSeat() {
        Verdict verdict = audit(
                RULES,
                schedule(open()),
                own(ALICE, CLOSED, RejectionReason.RESERVED),
                own(BLOCKED, CLOSED, RejectionReason.NO_SHOW_BLOCKED));

        assertThat(verdict.violations())
                .containsExactly(new Finding(
                        Kind.CLOSED_CLINIC_BOOKED,
                        "clinic 99",
                        "마감된 클리닉 99은 거절(reservation_closed)해야 하는데 RESERVED ×1, NO_SHOW_BLOCKED ×1 로 답했습니다"));
        assertThat(rule(verdict, Rule.CLOSED_CLINIC))
                .isEqualTo(new RuleCheck(Rule.CLOSED_CLINIC, 1, 2, 0, Outcome.BROKEN));
    }

    @Test
    void aDoubleClickThatMadeTwoSeatsBreaksTheRuleThroughTheDuplicateViolation() {
        Verdict verdict = audit(
                RULES,
                schedule(open(ALICE, ALICE)),
                own(ALICE, OPEN, RejectionReason.RESERVED),
                attempt(ALICE, OPEN, RejectionReason.RESERVED, AttemptKind.SECOND_CLICK, ALICE));

        assertThat(verdict.violations())
                .containsExactly(new Finding(
                        Kind.DUPLICATE_STUDENT,
                        "mon 18:00 1강의실 test_student_01",
                        "클리닉 10 (mon 18:00 1강의실) 명단에 test_student_01 (id 1) 학생이 2번 있습니다 (이 클리닉에서 받은 응답: "
                                + "RESERVED, RESERVED)"));
        assertThat(rule(verdict, Rule.DOUBLE_CLICK))
                .isEqualTo(new RuleCheck(Rule.DOUBLE_CLICK, 1, 1, 0, Outcome.BROKEN));
    }

    @Test
    void aForeignBookingIsAWarningNamingTheRequestAndItsSeatIsNoPhantom() {
        ReservationAttempt probe = attempt(BOB, OPEN, RejectionReason.RESERVED, AttemptKind.FOR_ANOTHER_STUDENT, ALICE);

        Verdict verdict = audit(RULES, schedule(open(BOB)), probe);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.warnings())
                .containsExactly(new Finding(
                        Kind.FOREIGN_BOOKING,
                        "",
                        "test_student_01 학생이 자기 토큰으로 test_student_02 학생의 예약을 요청했는데 (POST /clinics/reserve/ "
                                + "{\"user_id\": 2, \"clinic_id\": 10}), 백엔드가 거절(403 forbidden)하지 않고 처리했습니다 "
                                + "(RESERVED, HTTP 200)"));
        assertThat(rule(verdict, Rule.FOREIGN_BOOKING).outcome()).isEqualTo(Outcome.WARNED);

        Verdict strict = audit(new BusinessRules(Set.of(), Set.of(), true), schedule(open(BOB)), probe);
        assertThat(strict.violations()).extracting(Finding::kind).containsExactly(Kind.FOREIGN_BOOKING);
        assertThat(rule(strict, Rule.FOREIGN_BOOKING).outcome()).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void rulesNothingPutToTheTestAreNotProvoked() {
        Verdict verdict =
                audit(BusinessRules.none(), schedule(open(ALICE)), own(ALICE, OPEN, RejectionReason.RESERVED));

        assertThat(verdict.rules()).extracting(RuleCheck::outcome).containsOnly(Outcome.NOT_PROVOKED);
    }

    @Test
    void theLastStudentsOfTheRunAreTheBlockedOnes() {
        assertThat(BusinessRules.of(List.of("a", "b", "c"), 2, List.of(7L), true))
                .isEqualTo(new BusinessRules(Set.of("b", "c"), Set.of(7L), true));
        assertThat(BusinessRules.of(List.of("a"), 0, List.of(), false).blockedStudents())
                .isEmpty();
    }
}
