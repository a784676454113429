package clinic.simulation.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;

/**
 * One thing the audit found: a violation, or a warning that does not fail the run. Its identity is its
 * kind and its subject, which stay the same from one run to the next (a clinic's day, time and room, a
 * student's username), so that a finding accepted today is recognised tomorrow.
 *
 * @param subject what the finding is about, e.g. {@code mon 18:00 2강의실} or {@code test_student_20}; empty
 *     when it is about the backend as a whole
 * @param message what was found, in Korean, with the figures of this run
 * @param note why it is accepted (the baseline's note, or that it stands at the smallest load); null for a
 *     finding that is not accepted
 */
public record Finding(
        Kind kind,
        String subject,
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    public Finding {
        subject = subject == null ? "" : subject;
    }

    public Finding(Kind kind, String subject, String message) {
        this(kind, subject, message, null);
    }

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

        /**
         * Whether a finding of this kind can be accepted as known: not the technical failures, which say
         * nothing of what failed and how often, so accepting them once would hide every later one.
         */
        public boolean acceptable() {
            return this != TECHNICAL_FAILURES;
        }
    }

    /** What a baseline matches: the kind and the subject. */
    public String key() {
        return subject.isEmpty() ? kind.name() : kind + " " + subject;
    }

    /** The same finding, accepted for {@code why}. */
    public Finding accepted(String why) {
        return new Finding(kind, subject, message, why);
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
