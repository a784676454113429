package clinic.simulation.audit;

import clinic.contract.ReservationError;

/**
 * How one business rule of the contract fared in the run: how often the load put it to the test and how
 * often the backend answered as the rule prescribes.
 *
 * @param subjects what the rule was tried on: blocked students, closed clinics, double-clickers, probers
 * @param attempts the requests that put it to the test
 * @param asRuled of those, the ones answered as the contract prescribes
 */
public record RuleCheck(Rule rule, int subjects, int attempts, int asRuled, Outcome outcome) {

    /** ✅ held, ❌ broken, ⚠️ warned, ➖ not provoked. */
    public String mark() {
        return switch (outcome) {
            case HELD -> "✅";
            case BROKEN -> "❌";
            case WARNED -> "⚠️";
            case NOT_PROVOKED -> "➖";
        };
    }

    /** {@code 대상 1, 시도 3건 → no_show_blocked 3건}, or {@code 시도 없음}: how the console and the report say it. */
    public String summary() {
        if (outcome == Outcome.NOT_PROVOKED) {
            return "시도 없음";
        }
        return "대상 " + subjects + ", 시도 " + attempts + "건 → " + rule.prescribed() + " " + asRuled + "건"
                + (outcome == Outcome.WARNED ? " (보안 경고: -DstrictSecurity=true 이면 실패)" : "");
    }

    /** The contract's business rules that the standard run provokes. */
    public enum Rule {
        NO_SHOW_BLOCKING("노쇼 차단 (no_show ≥ 2)", ReservationError.NO_SHOW_BLOCKED.error()),
        CLOSED_CLINIC("마감된 클리닉", ReservationError.RESERVATION_CLOSED.error()),
        DOUBLE_CLICK("중복 클릭 (같은 예약 동시 2회)", "한 번만 예약"),
        FOREIGN_BOOKING("다른 학생 명의 예약", ReservationError.FORBIDDEN.error());

        private final String meaning;
        private final String prescribed;

        Rule(String meaning, String prescribed) {
            this.meaning = meaning;
            this.prescribed = prescribed;
        }

        public String meaning() {
            return meaning;
        }

        /** The answer the rule prescribes, as the summary names it. */
        public String prescribed() {
            return prescribed;
        }
    }

    public enum Outcome {
        /** Tried, and every answer and the final state kept the rule. */
        HELD,
        /** Tried, and the backend broke it: a violation fails the run. */
        BROKEN,
        /** Tried, and the backend did not keep it, which is only a warning (foreign bookings by default). */
        WARNED,
        /** Nothing in the run put it to the test (no blocked student, no closed clinic, the share set to 0). */
        NOT_PROVOKED
    }
}
