package clinic.simulation.output;

import clinic.simulation.answers.NoAnswer;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.options.RunOptions;
import clinic.simulation.options.TargetOptions;
import clinic.simulation.output.RunSummary.FailureCount;
import clinic.simulation.output.RunSummary.Reservations;
import clinic.simulation.output.RunSummary.Step;
import clinic.simulation.output.RunSummary.StepName;
import clinic.simulation.output.RunSummary.Students;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the run means beyond its figures, in the summary's Korean: why students failed at each step, and
 * what to do about it. A run that measured nothing (nobody logged in) says so before anything else.
 *
 * @param headline what must be read first; null when nothing is that urgent
 * @param hints what to do about what went wrong, one line each
 */
public record Diagnosis(String headline, List<String> hints) {

    /** The reasons a step line names; the others are counted together. */
    private static final int REASONS_SHOWN = 3;

    static final String LOGIN_REFUSED = "HTTP 401";

    static Diagnosis of(RunOptions options, Students students, List<Step> steps, Reservations reservations) {
        int timeout = (int) options.target().requestTimeout().toSeconds();
        String headline = students.total() > 0 && students.loggedIn() == 0
                ? "❌ 로그인한 학생이 없어 예약 부하가 실행되지 않았습니다: " + stepLine(step(steps, StepName.LOGIN), timeout)
                : null;
        List<String> hints = new ArrayList<>();
        int timedOut = count(steps, NoAnswer.TIMED_OUT.label());
        if (timedOut > 0) {
            hints.add("💡 요청 시간 초과 " + timedOut + "건: 백엔드가 " + timeout + "초 안에 답하지 않았습니다. 느린 로그인"
                    + "(Django의 PBKDF2 해시)이라면 -DrequestTimeoutSeconds 를 늘려 다시 실행하세요 (기본 "
                    + TargetOptions.DEFAULT_REQUEST_TIMEOUT_SECONDS + ").");
        }
        int connectionFailures = count(steps, NoAnswer.CONNECTION_FAILED.label());
        if (connectionFailures > 0) {
            hints.add("💡 연결 실패 " + connectionFailures + "건: 백엔드가 연결을 거부하거나 끊었습니다. 서버 로그와 동시 연결 "
                    + "한도(listen backlog, 워커 수)를 확인하세요.");
        }
        Step login = step(steps, StepName.LOGIN);
        if (login.failures().stream().anyMatch(failure -> failure.reason().contains(LOGIN_REFUSED))) {
            hints.add("💡 로그인 거절 (HTTP 401): 테스트 학생 계정이 없거나 비밀번호가 다릅니다. python manage.py "
                    + "setup_test_students (reference server: setup-test-students --reset-passwords --db <url>)로 "
                    + "만드세요.");
        }
        int alreadyReserved = reservations.count(RejectionReason.ALREADY_RESERVED);
        if (reservations.reserved() == 0
                && reservations.attempts() > 0
                && 2 * alreadyReserved >= reservations.attempts()) {
            hints.add("💡 이전 실행의 예약이 백엔드에 남아 있습니다 (성공 0, ALREADY_RESERVED " + alreadyReserved + "/"
                    + reservations.attempts() + "): 클리닉을 초기화한 뒤 다시 실행하세요: python manage.py "
                    + "setup_test_clinics --reset (reference server: setup-test-clinics --reset --db <url>), 매번 "
                    + "하려면 -DsetupCommand 에 넣으세요.");
        }
        int rateLimited = reservations.count(RejectionReason.RATE_LIMITED);
        if (rateLimited > 0) {
            hints.add("💡 RATE_LIMITED " + rateLimited + "건: 학생당 예약 요청 한도에 걸렸습니다 (production은 60초에 "
                    + "5회를 선언). maxReservations 를 한도 아래로 두세요.");
        }
        return new Diagnosis(headline, List.copyOf(hints));
    }

    /**
     * One step in one line: {@code 로그인 실패 20/20: 요청 시간 초과 20 (requestTimeoutSeconds=10)}, or
     * {@code 등록: 20/20 성공}.
     */
    public static String stepLine(Step step, int requestTimeoutSeconds) {
        String label = step.name().label();
        if (step.requests() == 0) {
            return label + ": 요청 없음";
        }
        if (step.failed() == 0) {
            return label + ": " + step.requests() + "/" + step.requests() + " 성공";
        }
        String verb = step.name() == StepName.RESERVE ? " 거절 " : " 실패 ";
        List<FailureCount> failures = step.failures();
        String shown = failures.stream()
                .limit(REASONS_SHOWN)
                .map(failure -> failure.reason() + " " + failure.count())
                .collect(Collectors.joining(", "));
        int others = failures.stream()
                .skip(REASONS_SHOWN)
                .mapToInt(FailureCount::count)
                .sum();
        boolean timedOut =
                failures.stream().anyMatch(failure -> failure.reason().contains(NoAnswer.TIMED_OUT.label()));
        return label + verb + step.failed() + "/" + step.requests() + ": " + shown
                + (others > 0 ? ", 그 밖 " + others : "")
                + (timedOut ? " (requestTimeoutSeconds=" + requestTimeoutSeconds + ")" : "");
    }

    private static Step step(List<Step> steps, StepName name) {
        return steps.stream().filter(step -> step.name() == name).findFirst().orElseThrow();
    }

    /** How many requests of any step failed with a reason that contains {@code reason}. */
    private static int count(List<Step> steps, String reason) {
        return steps.stream()
                .flatMap(step -> step.failures().stream())
                .filter(failure -> failure.reason().contains(reason))
                .mapToInt(FailureCount::count)
                .sum();
    }
}
