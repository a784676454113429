package clinic.simulation.output;

import clinic.contract.ClinicDay;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.RuleCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The console block at the end of a run, in the shape and words of the original tool plus percentiles and the audit. */
public final class ConsoleSummary {

    /** Students named one per line, as the original tool did; beyond these, clinic_test.log has them all. */
    private static final int NAMED_STUDENTS = 10;
    /** Clinics listed one per line; beyond, the block sums them up per day. */
    private static final int LISTED_CLINICS = 40;
    /** Findings printed in full per kind; a broken backend at scale makes thousands of one kind. */
    private static final int FINDINGS_PER_KIND = 10;

    private ConsoleSummary() {}

    /**
     * The original tool's final-status block, one line per clinic ({@code 18:00 - physics1 (1강의실) - 6/6 🔴
     * 마감}), the day named when the run covers several; a week of hundreds of clinics is summed up per day.
     */
    private static void finalStatus(StringBuilder text, List<FinalClinic> clinics, List<ClinicDay> days) {
        text.append("\n📋 최종 ").append(ClinicDay.koreanNames(days)).append(" 클리닉 현황:\n");
        if (clinics.isEmpty()) {
            text.append("  • (최종 현황을 읽지 못했습니다)\n");
        } else if (clinics.size() <= LISTED_CLINICS) {
            for (FinalClinic clinic : clinics) {
                int remaining = clinic.capacity() - clinic.currentCount();
                text.append(String.format(
                        "  • %s%s - %s (%s) - %d/%d %s%n",
                        days.size() > 1 ? koreanDay(clinic) + " " : "",
                        clinic.time(),
                        clinic.subject(),
                        clinic.room(),
                        clinic.currentCount(),
                        clinic.capacity(),
                        remaining <= 0 ? "🔴 마감" : "🟢 " + remaining + "자리"));
            }
        } else {
            Map<String, List<FinalClinic>> byDay = clinics.stream()
                    .collect(Collectors.groupingBy(ConsoleSummary::koreanDay, LinkedHashMap::new, Collectors.toList()));
            byDay.forEach((day, ofDay) -> text.append(String.format(
                    "  • %s: 클리닉 %d개, 🔴 마감 %d개, 🟢 남은 자리 %d%n",
                    day,
                    ofDay.size(),
                    ofDay.stream()
                            .filter(clinic -> clinic.currentCount() >= clinic.capacity())
                            .count(),
                    ofDay.stream()
                            .mapToInt(clinic -> Math.max(0, clinic.capacity() - clinic.currentCount()))
                            .sum())));
            text.append("  (클리닉별 현황: clinic-summary.json)\n");
        }
    }

    /** Which injector this is, or how many a merged summary adds up, and how together the opening was. */
    private static void injectors(StringBuilder text, RunSummary summary) {
        Object count = summary.options().get("injectorCount");
        Object index = summary.options().get("injectorIndex");
        if (count != null) {
            text.append(
                    index != null
                            ? String.format("🧩 인젝터 %s/%s: 이 인젝터가 맡은 학생만 셉니다%n", index, count)
                            : String.format("🧩 인젝터 %s개의 합산%n", count));
        }
        Opening opening = summary.opening();
        if (opening.openAt() != null && opening.firstSend() != null) {
            text.append(String.format(
                    "🔔 예약 오픈 %s: 첫 예약 요청 +%d ms, 모든 학생의 첫 요청이 %d ms 안에%s%n",
                    opening.openAt(),
                    opening.firstSendAfterOpenAtMs(),
                    opening.spreadMs(),
                    opening.injectorsSpreadMs() == null
                            ? ""
                            : " (인젝터 간 첫 요청 차이 " + opening.injectorsSpreadMs() + " ms)"));
        }
    }

    /** The run's days, as its options list them. */
    private static List<ClinicDay> days(RunSummary summary) {
        return ((List<?>) summary.options().get("days"))
                .stream().map(day -> ClinicDay.fromKey(day.toString())).toList();
    }

    private static String koreanDay(FinalClinic clinic) {
        return ClinicDay.find(clinic.day()).map(ClinicDay::koreanName).orElse(clinic.day());
    }

    /** Up to {@value #FINDINGS_PER_KIND} findings of each kind in full; clinic-summary.json has every one. */
    private static void findings(StringBuilder text, String prefix, List<Finding> findings) {
        findings.stream()
                .collect(Collectors.groupingBy(Finding::kind, LinkedHashMap::new, Collectors.toList()))
                .forEach((kind, ofKind) -> {
                    ofKind.stream()
                            .limit(FINDINGS_PER_KIND)
                            .forEach(finding ->
                                    text.append(prefix).append(finding).append('\n'));
                    if (ofKind.size() > FINDINGS_PER_KIND) {
                        text.append(prefix)
                                .append(kind)
                                .append(": 그 밖 ")
                                .append(ofKind.size() - FINDINGS_PER_KIND)
                                .append("건 (clinic-summary.json)\n");
                    }
                });
    }

    private static void listed(StringBuilder text, String prefix, List<String> usernames) {
        usernames.stream()
                .limit(NAMED_STUDENTS)
                .forEach(username -> text.append(prefix).append(username).append('\n'));
        if (usernames.size() > NAMED_STUDENTS) {
            text.append(prefix)
                    .append("그 밖 ")
                    .append(usernames.size() - NAMED_STUDENTS)
                    .append("명 (clinic_test.log)\n");
        }
    }

    /** The block, from the summary alone (so that a merged summary of several injectors prints alike). */
    public static String render(RunSummary summary) {
        StringBuilder text = new StringBuilder();
        String rule = "=".repeat(60);
        text.append(rule)
                .append('\n')
                .append("📊 클리닉 예약 부하 테스트 결과\n")
                .append(rule)
                .append('\n');
        if (summary.diagnosis().headline() != null) {
            text.append(summary.diagnosis().headline()).append("\n\n");
        }
        text.append(String.format(Locale.ROOT, "⏱️  총 소요 시간: %.2f초%n", summary.elapsedSeconds()));
        RunSummary.Students students = summary.students();
        text.append(String.format(
                "👥 참가 학생 수: %d명 (로그인 %d / %d)%n", students.loggedIn(), students.loggedIn(), students.total()));
        injectors(text, summary);
        RunSummary.Reservations reservations = summary.reservations();
        text.append(String.format("🎯 총 예약 시도: %d회%n", reservations.attempts()));
        text.append(String.format("✅ 성공한 예약: %d회%n", reservations.reserved()));
        text.append(String.format("❌ 실패한 예약: %d회%n", reservations.failed()));
        text.append(String.format(Locale.ROOT, "📈 성공률: %.1f%%%n", reservations.successRatePercent()));
        Latency latency = summary.latencyMs();
        text.append(String.format(
                Locale.ROOT,
                "⚡ 평균 응답시간: %.3f초 (p95 %d ms, p99 %d ms, 최대 %d ms)%n",
                latency.mean() / 1000,
                latency.p95(),
                latency.p99(),
                latency.max()));
        text.append(String.format(
                Locale.ROOT,
                "🖥️  부하 생성기: 초당 요청 %.1f, 최대 힙 %d MB%n",
                summary.harness().requestsPerSecond(),
                summary.harness().peakHeapMb()));
        listed(text, "❌ 로그인 실패: ", students.loginFailures());
        listed(text, "❌ 스케줄 조회 실패: ", students.scheduleFailures());
        text.append("\n🔍 실패 원인 분석:\n");
        int timeout = ((Number) summary.options().get("requestTimeoutSeconds")).intValue();
        summary.steps()
                .forEach(step -> text.append("  • ")
                        .append(Diagnosis.stepLine(step, timeout))
                        .append('\n'));
        summary.diagnosis().hints().forEach(hint -> text.append(hint).append('\n'));
        finalStatus(text, summary.finalClinics(), days(summary));
        text.append('\n');
        RunSummary.Audit audit = summary.audit();
        rules(text, audit.rules());
        if (!audit.ran()) {
            text.append("❌ 최종 상태 감사: 실행되지 않음 (").append(audit.problem()).append(")\n");
        } else if (audit.passed()) {
            text.append(
                    audit.accepted().isEmpty()
                            ? "✅ 최종 상태 감사: 통과 (위반 없음)\n"
                            : String.format(
                                    "✅ 최종 상태 감사: 통과 (새 위반 없음, 받아들인 발견 %d건)%n",
                                    audit.accepted().size()));
        } else {
            text.append(String.format("❌ 최종 상태 감사: 위반 %d건%n", audit.violations().size()));
            findings(text, "   - ", audit.violations());
        }
        if (!audit.accepted().isEmpty()) {
            text.append(String.format(
                    "☑️  받아들인 발견 %d건 (알려진 것: 실패로 치지 않음, 이유는 %s):%n",
                    audit.accepted().size(), RunSummary.FILE));
            findings(text, "   ☑️  ", audit.accepted());
        }
        findings(text, "   ⚠️  ", audit.warnings());
        long seed = ((Number) summary.options().get("seed")).longValue();
        text.append(String.format("🎲 seed: %d (같은 실행을 반복하려면 -Dseed=%d)%n", seed, seed));
        return text.toString();
    }

    /** The business rules the run put to the test, one line each, before the audit's verdict. */
    private static void rules(StringBuilder text, List<RuleCheck> rules) {
        if (rules.isEmpty()) {
            return;
        }
        text.append("🛡️ 비즈니스 규칙:\n");
        rules.forEach(check -> text.append(
                String.format("  %s %s: %s%n", check.mark(), check.rule().meaning(), check.summary())));
    }
}
