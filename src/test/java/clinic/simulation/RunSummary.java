package clinic.simulation;

import clinic.simulation.RunLedger.Login;
import clinic.simulation.RunLedger.ReservationAttempt;
import clinic.simulation.RunLedger.ScheduleRead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run, computed from the ledger after the load: what the console prints in the
 * original tool's words and what clinic-summary.json holds.
 *
 * @param finalClinics the target day's clinics as the audit read them; empty when the audit did not run
 * @param verdict      null when the audit did not run (then {@code auditProblem} says why)
 */
public record RunSummary(
        SimulationOptions options,
        Duration elapsed,
        int studentsTotal,
        int studentsLoggedIn,
        List<String> loginFailures,
        List<String> scheduleFailures,
        int attempts,
        int reserved,
        Map<RejectionReason, Integer> countsByReason,
        LatencyFigures latency,
        List<ScheduledClinic> finalClinics,
        AuditVerdict verdict,
        String auditProblem) {

    /** Reservation latencies in milliseconds (nearest-rank percentiles; 0 when there was no attempt). */
    public record LatencyFigures(double mean, long p50, long p95, long p99, long max) {

        static LatencyFigures of(List<Long> latencies) {
            if (latencies.isEmpty()) {
                return new LatencyFigures(0, 0, 0, 0, 0);
            }
            List<Long> sorted = latencies.stream().sorted().toList();
            double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
            return new LatencyFigures(
                    mean, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.get(sorted.size() - 1));
        }

        private static long rank(List<Long> sorted, double percentile) {
            int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index));
        }
    }

    public static RunSummary of(
            SimulationOptions options,
            RunLedger ledger,
            Duration elapsed,
            int studentsTotal,
            List<ScheduledClinic> finalClinics,
            AuditVerdict verdict,
            String auditProblem) {
        List<Login> logins = ledger.logins();
        List<String> failures = logins.stream()
                .filter(login -> !login.ok())
                .map(Login::username)
                .toList();
        int loggedIn = (int) logins.stream()
                .filter(Login::ok)
                .map(Login::username)
                .distinct()
                .count();
        List<String> scheduleFailures = ledger.scheduleReads().stream()
                .filter(read -> !read.ok())
                .map(ScheduleRead::username)
                .toList();
        List<ReservationAttempt> attempts = ledger.attempts();
        Map<RejectionReason, Integer> counts = new EnumMap<>(RejectionReason.class);
        for (RejectionReason reason : RejectionReason.values()) {
            counts.put(reason, 0);
        }
        attempts.forEach(attempt -> counts.merge(attempt.reason(), 1, Integer::sum));
        LatencyFigures latency = LatencyFigures.of(
                attempts.stream().map(ReservationAttempt::latencyMs).toList());
        return new RunSummary(
                options,
                elapsed,
                studentsTotal,
                loggedIn,
                failures,
                scheduleFailures,
                attempts.size(),
                counts.get(RejectionReason.RESERVED),
                counts,
                latency,
                List.copyOf(finalClinics),
                verdict,
                auditProblem);
    }

    public int failed() {
        return attempts - reserved;
    }

    public double successRate() {
        return attempts == 0 ? 0 : 100.0 * reserved / attempts;
    }

    /** The console block, in the shape and words of the original tool plus percentiles and the audit. */
    public String consoleText() {
        StringBuilder text = new StringBuilder();
        String rule = "=".repeat(60);
        text.append(rule)
                .append('\n')
                .append("📊 클리닉 예약 부하 테스트 결과\n")
                .append(rule)
                .append('\n');
        text.append(String.format(Locale.ROOT, "⏱️  총 소요 시간: %.2f초%n", elapsed.toMillis() / 1000.0));
        text.append(
                String.format("👥 참가 학생 수: %d명 (로그인 %d / %d)%n", studentsLoggedIn, studentsLoggedIn, studentsTotal));
        text.append(String.format("🎯 총 예약 시도: %d회%n", attempts));
        text.append(String.format("✅ 성공한 예약: %d회%n", reserved));
        text.append(String.format("❌ 실패한 예약: %d회%n", failed()));
        text.append(String.format(Locale.ROOT, "📈 성공률: %.1f%%%n", successRate()));
        text.append(String.format(
                Locale.ROOT,
                "⚡ 평균 응답시간: %.3f초 (p95 %d ms, p99 %d ms, 최대 %d ms)%n",
                latency.mean() / 1000,
                latency.p95(),
                latency.p99(),
                latency.max()));
        for (String username : loginFailures) {
            text.append("❌ 로그인 실패: ").append(username).append('\n');
        }
        for (String username : scheduleFailures) {
            text.append("❌ 스케줄 조회 실패: ").append(username).append('\n');
        }
        text.append("\n🔍 실패 원인 분석:\n");
        boolean anyFailure = false;
        for (Map.Entry<RejectionReason, Integer> entry : countsByReason.entrySet()) {
            if (entry.getKey() != RejectionReason.RESERVED && entry.getValue() > 0) {
                anyFailure = true;
                text.append(String.format(
                        "  • %s (%s): %d회%n", entry.getKey().originalLabel(), entry.getKey(), entry.getValue()));
            }
        }
        if (!anyFailure) {
            text.append("  • 실패 없음\n");
        }
        text.append('\n')
                .append(String.format("📋 최종 %s 클리닉 현황:%n", options.day().koreanName()));
        if (finalClinics.isEmpty()) {
            text.append("  • (최종 현황을 읽지 못했습니다)\n");
        }
        for (ScheduledClinic clinic : finalClinics) {
            int remaining = clinic.capacity() - clinic.currentCount();
            text.append(String.format(
                    "  • %s - %s (%s) - %d/%d %s%n",
                    clinic.time(),
                    clinic.subject(),
                    clinic.room(),
                    clinic.currentCount(),
                    clinic.capacity(),
                    remaining <= 0 ? "🔴 마감" : "🟢 " + remaining + "자리"));
        }
        text.append('\n');
        if (verdict == null) {
            text.append("❌ 최종 상태 감사: 실행되지 않음 (").append(auditProblem).append(")\n");
        } else if (verdict.passed()) {
            text.append("✅ 최종 상태 감사: 통과 (위반 없음)\n");
        } else {
            text.append(
                    String.format("❌ 최종 상태 감사: 위반 %d건%n", verdict.violations().size()));
            verdict.violations()
                    .forEach(violation -> text.append("   - ")
                            .append(violation.kind())
                            .append(": ")
                            .append(violation.message())
                            .append('\n'));
        }
        if (verdict != null) {
            verdict.warnings()
                    .forEach(warning -> text.append("   ⚠️  ")
                            .append(warning.kind())
                            .append(": ")
                            .append(warning.message())
                            .append('\n'));
        }
        text.append(String.format("🎲 seed: %d (같은 실행을 반복하려면 -Dseed=%d)%n", options.seed(), options.seed()));
        return text.toString();
    }

    /** The content of clinic-summary.json, read by the detection suite. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("options", options.describe());
        json.put("elapsedSeconds", elapsed.toMillis() / 1000.0);
        Map<String, Object> students = new LinkedHashMap<>();
        students.put("total", studentsTotal);
        students.put("loggedIn", studentsLoggedIn);
        students.put("loginFailures", loginFailures);
        students.put("scheduleFailures", scheduleFailures);
        json.put("students", students);
        Map<String, Object> reservations = new LinkedHashMap<>();
        reservations.put("attempts", attempts);
        reservations.put("reserved", reserved);
        reservations.put("failed", failed());
        reservations.put("successRatePercent", Math.round(successRate() * 10) / 10.0);
        Map<String, Integer> byReason = new LinkedHashMap<>();
        countsByReason.forEach((reason, count) -> byReason.put(reason.name(), count));
        reservations.put("byReason", byReason);
        json.put("reservations", reservations);
        Map<String, Object> latencies = new LinkedHashMap<>();
        latencies.put("mean", Math.round(latency.mean() * 10) / 10.0);
        latencies.put("p50", latency.p50());
        latencies.put("p95", latency.p95());
        latencies.put("p99", latency.p99());
        latencies.put("max", latency.max());
        json.put("latencyMs", latencies);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("ran", verdict != null);
        audit.put("passed", verdict != null && verdict.passed());
        if (verdict == null) {
            audit.put("problem", auditProblem);
        }
        audit.put("violations", verdict == null ? List.of() : findings(verdict.violations()));
        audit.put("warnings", verdict == null ? List.of() : findings(verdict.warnings()));
        json.put("audit", audit);
        List<Map<String, Object>> clinics = new ArrayList<>();
        for (ScheduledClinic clinic : finalClinics) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", clinic.id());
            entry.put("day", clinic.day());
            entry.put("time", clinic.time());
            entry.put("room", clinic.room());
            entry.put("subject", clinic.subject());
            entry.put("teacher", clinic.teacherName());
            entry.put("capacity", clinic.capacity());
            entry.put("currentCount", clinic.currentCount());
            entry.put(
                    "students",
                    clinic.students().stream().map(RosterStudent::username).toList());
            clinics.add(entry);
        }
        json.put("finalClinics", clinics);
        return json;
    }

    private static List<Map<String, String>> findings(List<AuditFinding> findings) {
        return findings.stream()
                .map(finding -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("kind", finding.kind().name());
                    entry.put("message", finding.message());
                    return entry;
                })
                .toList();
    }
}
