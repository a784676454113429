package clinic.simulation.scenario;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;

import clinic.simulation.answers.JudgedAnswer;
import clinic.simulation.answers.LoginAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.RunLedger;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/** The auditor's steps after the load: the final schedule read, audited against the ledger, and each kind of violation checked. */
public final class AuditSteps {

    /** The audit's answer: the final schedule read and judged; its failure says what is wrong. */
    private record AuditAnswer(FinalStateAudit.Result result, String failure) implements JudgedAnswer {}

    private static final String AUDIT_JUDGEMENT = "최종 상태 감사";

    private final ClinicRequests requests;
    private final RunLedger ledger;
    private final FinalStateAudit audit;
    private final SessionAnswers answers;

    public AuditSteps(ClinicRequests requests, RunLedger ledger, FinalStateAudit audit) {
        this.requests = requests;
        this.ledger = ledger;
        this.audit = audit;
        this.answers = new SessionAnswers(requests.timeout());
    }

    /**
     * After the load: one user logs in, reads the final schedule and audits it against the ledger; what it
     * concluded goes to {@code result} (nothing when the final state could not be read). Then each kind of
     * violation is checked on a read of its own, so that Gatling's report has one row per audit check and
     * the Errors table one row per kind of violation found, within the length Gatling keeps.
     */
    public ChainBuilder audit(Consumer<FinalStateAudit.Result> result) {
        return exec(session -> {
                    ledger.markLoadEnded(Instant.now());
                    return SessionAnswers.beforeRequest(session);
                })
                .group("Audit")
                .on(
                        requests.login("Audit login"),
                        exec(this::keepAuditToken),
                        doIf(SessionAnswers::loggedIn)
                                .then(requests.weeklySchedule(
                                        "Audit final state",
                                        AUDIT_JUDGEMENT,
                                        (status, body) -> auditAnswer(status, body, result))),
                        doIf(AuditSteps::finalStateRead).then(auditChecks()));
    }

    /** One request per kind of violation, in a chain of their own. */
    private ChainBuilder auditChecks() {
        return exec(Finding.Kind.violations().stream()
                .map(kind -> exec(SessionAnswers::beforeRequest)
                        .exec(requests.weeklySchedule(
                                "Audit " + kind, AUDIT_JUDGEMENT, (status, body) -> auditCheck(status, body, kind))))
                .toList());
    }

    private AuditAnswer auditAnswer(int status, String body, Consumer<FinalStateAudit.Result> sink) {
        return audited(status, body, result -> {
            sink.accept(result);
            return null;
        });
    }

    /** One kind of violation, judged on this read of the final state. */
    private AuditAnswer auditCheck(int status, String body, Finding.Kind kind) {
        return audited(
                status,
                body,
                result -> result.verdict()
                        .failureMessage(kind, GatlingInternals.failureRoom(AUDIT_JUDGEMENT), "전체는 클리닉 보고서"));
    }

    /** The final state read and audited; {@code failure} says what is wrong with what the audit concluded. */
    private AuditAnswer audited(int status, String body, Function<FinalStateAudit.Result, String> failure) {
        ScheduleSnapshot.Answer read = ScheduleSnapshot.Answer.classify(status, body);
        if (!read.ok()) {
            return new AuditAnswer(null, "final state unreadable: " + read.failure());
        }
        FinalStateAudit.Result result = audit.judge(read.schedule(), ledger.attempts());
        return new AuditAnswer(result, failure.apply(result));
    }

    private static boolean finalStateRead(Session session) {
        return SessionAnswers.answered(session, SessionKeys.ANSWER)
                && session.get(SessionKeys.ANSWER.answer()) instanceof AuditAnswer read
                && read.result() != null;
    }

    private Session keepAuditToken(Session session) {
        LoginAnswer answer = answers.answer(session, SessionKeys.ANSWER, LoginAnswer::none);
        return answer.ok() ? session.set(SessionKeys.TOKEN, answer.token()) : session;
    }
}
