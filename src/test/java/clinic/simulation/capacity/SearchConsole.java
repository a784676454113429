package clinic.simulation.capacity;

import static clinic.simulation.output.RunOutputs.CONSOLE;

import clinic.simulation.options.RunOptions;
import java.nio.file.Path;

/** The search's lines on the console: what it looks for, each step as it ends, then the table and the answer. */
public final class SearchConsole {

    /** Column widths of the table, in terminal cells: Hangul and emoji take two. */
    private static final int[] COLUMNS = {4, 7, 11, 6, 6, 6, 8, 5, 3};

    private SearchConsole() {}

    static void announce(RunOptions options, SearchOptions search, Path stepsFolder) {
        CONSOLE.info(
                "📈 부하 한계 측정: {}명부터 ×{}, 최대 {}명, 해상도 {}%, 최대 {}분; 서비스 수준: 예약 p95 ≤ {} ms, 기술 오류 0, "
                        + "로그인 실패 0, 감사 통과; 대상 {}, seed {}",
                search.startStudents(),
                search.growth(),
                search.maxStudents(),
                Math.round(search.resolution() * 1000) / 10.0,
                search.maxMinutes(),
                options.criteria().p95Ms(),
                options.embedded() ? "내장 reference server" : options.target().baseUrl(),
                options.seed());
        CONSOLE.info("📁 단계별 실행: {}", stepsFolder.toAbsolutePath());
    }

    static void probeStarts(int students) {
        CONSOLE.info("🔎 상존 발견 확인: 학생 {}명으로 한 번 실행합니다 (부하와 무관하게 나타나는 발견은 단계의 실패로 치지 않습니다)", students);
    }

    /** The standing findings, once, before the steps. */
    static void standing(StandingFindings standing) {
        CONSOLE.info(standingLines(standing));
    }

    static String standingLines(StandingFindings standing) {
        if (standing.findings().isEmpty()) {
            return "  ✅ 학생 " + standing.students() + "명에서 발견 없음: 모든 단계가 감사를 온전히 적용받습니다";
        }
        StringBuilder text = new StringBuilder("  ☑️  상존 발견 ")
                .append(standing.findings().size())
                .append("건 (학생 ")
                .append(standing.students())
                .append("명에서도 나타남, 부하와 무관: 단계의 실패로 치지 않음)");
        standing.findings().forEach(finding -> text.append("\n     ☑️  ").append(finding));
        return text.toString();
    }

    static void stepStarts(int number, int students, boolean rerun) {
        CONSOLE.info("▶ 단계 {}: 학생 {}명{}", number, students, rerun ? " (간발의 p95 초과: 한 번 더)" : "");
    }

    static void stepEnded(SearchStep step) {
        CONSOLE.info(
                "  {} 단계 {}: 학생 {}명, 로그인 {}/{}, 예약 p95 {} ms, 기술 오류 {}, 감사 {}, {} s{}",
                step.held() ? "✅" : "❌",
                step.number(),
                step.students(),
                step.loggedIn(),
                step.students(),
                step.p95Ms(),
                step.technicalFailures(),
                audit(step),
                step.seconds(),
                step.problem() == null ? "" : "\n    " + step.problem().replace("\n", "\n    "));
    }

    /** The table of every step and the answer. */
    public static String render(SearchResult result) {
        StringBuilder text = new StringBuilder("📈 부하 한계 측정 결과\n");
        text.append(row("단계", "학생", "로그인", "p50", "p95", "p99", "기술오류", "감사", "판정", ""))
                .append('\n');
        for (SearchStep step : result.steps()) {
            text.append(row(
                            String.valueOf(step.number()),
                            String.valueOf(step.students()),
                            step.loggedIn() + "/" + step.students(),
                            String.valueOf(step.p50Ms()),
                            String.valueOf(step.p95Ms()),
                            String.valueOf(step.p99Ms()),
                            String.valueOf(step.technicalFailures()),
                            audit(step),
                            step.held() ? "✅" : "❌",
                            step.verdict() + (step.rerun() ? " (재실행)" : "")))
                    .append('\n');
        }
        if (result.standing() != null && !result.standing().findings().isEmpty()) {
            text.append('\n').append(standingLines(result.standing())).append('\n');
        }
        text.append('\n').append(result.answer()).append('\n');
        text.append("   (")
                .append(result.steps().size())
                .append("단계, ")
                .append(result.elapsedSeconds())
                .append(" s)");
        return text.toString();
    }

    /** The cells right-aligned in their columns, the last one as it is. */
    private static String row(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < COLUMNS.length; column++) {
            line.append(" ".repeat(Math.max(0, COLUMNS[column] - cellWidth(cells[column]))))
                    .append(cells[column])
                    .append(' ');
        }
        return line.append(' ').append(cells[COLUMNS.length]).toString().stripTrailing();
    }

    private static int cellWidth(String text) {
        return text.codePoints()
                .map(point ->
                        Character.UnicodeScript.of(point) == Character.UnicodeScript.HANGUL || point > 0x2600 ? 2 : 1)
                .sum();
    }

    private static String audit(SearchStep step) {
        return step.auditPassed() == null ? "-" : step.auditPassed() ? "통과" : "실패";
    }
}
