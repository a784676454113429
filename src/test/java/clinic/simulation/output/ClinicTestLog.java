package clinic.simulation.output;

import clinic.simulation.audit.RunLedger;
import clinic.simulation.audit.RunLedger.Login;
import clinic.simulation.audit.RunLedger.Registration;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.audit.RunLedger.ScheduleRead;
import clinic.simulation.options.RunOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * clinic_test.log: the original tool's detailed log, rebuilt from the ledger in time order: every
 * registration and login, every reservation attempt with its answer body and latency, then the summary.
 */
final class ClinicTestLog {

    private ClinicTestLog() {}

    private record Line(Instant at, String text) {}

    static String render(RunLedger ledger, RunSummary summary, RunOptions options) {
        List<Line> lines = new ArrayList<>();
        for (Registration registration : ledger.registrations()) {
            lines.add(new Line(
                    registration.at(),
                    "REGISTER " + registration.username() + " "
                            + registration.answer().kind() + status(registration.status()) + " "
                            + registration.latencyMs()
                            + " ms"
                            + (registration.answer().ok()
                                    ? ""
                                    : " " + registration.answer().failure())
                            + " | " + oneLine(registration.body())));
        }
        for (Login login : ledger.logins()) {
            lines.add(new Line(
                    login.at(),
                    "LOGIN " + login.username()
                            + (login.ok() ? " OK id=" + login.studentId() : " ❌ 로그인 실패: " + login.failure())
                            + status(login.status()) + " " + login.latencyMs() + " ms"
                            + (login.ok() ? "" : " | " + oneLine(login.body()))));
        }
        for (ScheduleRead read : ledger.scheduleReads()) {
            lines.add(new Line(
                    read.at(),
                    "SCHEDULE " + read.username()
                            + (read.ok() ? " OK" : " ❌ 스케줄 조회 실패: " + read.failure() + " | " + oneLine(read.body()))
                            + status(read.status())
                            + " " + read.latencyMs() + " ms"));
        }
        for (ReservationAttempt attempt : ledger.attempts()) {
            lines.add(new Line(
                    attempt.at(),
                    "RESERVE " + attempt.username() + " (id " + attempt.studentId()
                            + ") clinic " + attempt.clinicId() + how(attempt) + " " + attempt.reason()
                            + status(attempt.status()) + " "
                            + attempt.latencyMs() + " ms | " + oneLine(attempt.body())));
        }
        lines.sort(Comparator.comparing(Line::at));
        StringBuilder log = new StringBuilder();
        log.append("# clinic reservation load test, options: ")
                .append(summary.options())
                .append('\n');
        if (ledger.loadStarted() != null) {
            log.append(ledger.loadStarted()).append(" load started\n");
        }
        lines.forEach(
                line -> log.append(line.at()).append(' ').append(line.text()).append('\n'));
        if (ledger.loadEnded() != null) {
            log.append(ledger.loadEnded()).append(" load ended, audit started\n");
        }
        log.append('\n').append(ConsoleSummary.render(summary));
        return log.toString();
    }

    private static String status(Integer status) {
        return status == null ? " (no HTTP answer)" : " HTTP " + status;
    }

    private static String oneLine(String body) {
        return body == null ? "" : body.replace('\n', ' ');
    }

    /** How the request was sent, when it was not the student's own single click. */
    private static String how(ReservationAttempt attempt) {
        return switch (attempt.kind()) {
            case OWN -> "";
            case SECOND_CLICK -> " (second click)";
            case FOR_ANOTHER_STUDENT -> " (sent by " + attempt.caller() + ")";
        };
    }
}
