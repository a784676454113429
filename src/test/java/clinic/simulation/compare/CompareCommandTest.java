package clinic.simulation.compare;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.compare.FigureResult.Verdict;
import clinic.simulation.compare.SetFixtures.FixtureRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The standalone comparison on small hand-made sets: its lines, its files and its exit status. */
class CompareCommandTest {

    private static final Instant BEFORE = Instant.parse("2026-12-05T09:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path results;

    private final List<Path> written = new ArrayList<>();

    private record Compared(int exitCode, String output) {}

    private Compared compare(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            exitCode = new CommandLine(new CompareCommand(print, written::add)).execute(args);
        }
        return new Compared(exitCode, out.toString(StandardCharsets.UTF_8));
    }

    private static List<FixtureRun> clean(long... p95s) {
        return java.util.Arrays.stream(p95s).mapToObj(FixtureRun::clean).toList();
    }

    @Test
    void aSlowerCandidateFailsTheGateOnTheReservationP95() {
        SetFixtures.set(results, "before", BEFORE, clean(100, 104, 98, 102, 96));
        Path after = SetFixtures.set(results, "after", AFTER, clean(125, 130, 122, 128, 127));

        Compared compared = compare("before", "after", "--results", results.toString());

        assertThat(compared.exitCode()).as(compared.output()).isEqualTo(CompareCommand.GATE_FAILED);
        assertThat(compared.output())
                .contains("📊 변경 전후 비교: after (5회) ↔ 기준 before (5회)")
                .contains("⏱️ 예약 p95: 100 ms (96–104) → 127 ms (122–130): +27% [96.8% 구간 +20.2% ~ +32.7%] ❌ 나빠짐")
                .contains("🚀 초당 확정 예약: 3/s → 3/s: ±0% [두 세트의 모든 실행이 같은 값] ➖ 차이 없음")
                .contains("🏁 판정: ❌ 실패")
                .contains("예약 p95 이(가) 임계값 10% 를 넘어 나빠졌습니다");
        Comparison comparison = Comparison.read(after.resolve(Comparison.FILE));
        assertThat(comparison.gate().passed()).isFalse();
        assertThat(comparison.figure(Figure.RESERVE_P95).verdict()).isEqualTo(Verdict.WORSE);
        assertThat(comparison.figure(Figure.RESERVE_P95).candidate().runs())
                .containsExactly(125.0, 130.0, 122.0, 128.0, 127.0);
        assertThat(comparison.figures()).extracting(FigureResult::key).contains("LOGIN.p50", "refused.OCCUPIED");
        assertThat(comparison.method().confidence()).isEqualTo(0.95);
        assertThat(comparison.distributions())
                .extracting(LatencyCurves.StepDistribution::step)
                .contains("RESERVE");
        assertThat(after.resolve(Comparison.PAGE))
                .content()
                .contains("변경 전후 비교")
                .contains("echarts");
        assertThat(written).containsExactly(results.toAbsolutePath());
    }

    @Test
    void theSameBuildWithinItsNoisePassesWithNoDifferenceOnEveryFigure() {
        Path before = SetFixtures.set(results, "before", BEFORE, clean(100, 140, 90, 120, 80));
        Path after = SetFixtures.set(results, "after", AFTER, clean(115, 150, 95, 135, 105));

        Compared compared = compare(before.toString(), "after", "--results", results.toString());

        Comparison comparison = Comparison.read(after.resolve(Comparison.FILE));
        assertThat(comparison.figures()).allMatch(figure -> figure.verdict() == Verdict.SAME);
        assertThat(comparison.gate().passed()).isTrue();
        assertThat(compared.exitCode()).as(compared.output()).isZero();
        assertThat(compared.output()).contains("🏁 판정: ✅ 통과");
    }

    @Test
    void anAuditFailureInACandidateRunFailsTheGateWhateverTheLatencies() {
        SetFixtures.set(results, "before", BEFORE, clean(100, 104, 98, 102, 96));
        List<FixtureRun> runs = new ArrayList<>(clean(100, 104, 98, 102));
        runs.add(new FixtureRun(96, 33, "OVER_CAPACITY"));
        SetFixtures.set(results, "after", AFTER, runs);

        Compared compared = compare("before", "after", "--results", results.toString());

        assertThat(compared.exitCode()).as(compared.output()).isEqualTo(CompareCommand.GATE_FAILED);
        assertThat(compared.output())
                .contains("🛡️ 감사: 기준 5/5 통과, 후보 4/5 통과")
                .contains("- 후보 실행 5 (seed 46): 감사 실패 (OVER_CAPACITY ×1)");
    }

    @Test
    void badInputGetsOneLineAndExitTwo() throws Exception {
        SetFixtures.set(results, "before", BEFORE, clean(100, 104, 98, 102, 96));
        Path empty = Files.createDirectories(results.resolve("not-a-set"));

        Compared unknown = compare("before", "afterr", "--results", results.toString());
        Compared notASet = compare("before", empty.toString(), "--results", results.toString());
        Compared missing = compare("before", results.resolve("gone/x").toString(), "--results", results.toString());
        Compared same = compare("before", "before", "--results", results.toString());

        assertThat(unknown.exitCode()).isEqualTo(CompareCommand.BAD_INPUT);
        assertThat(unknown.output().strip())
                .isEqualTo("❌ 'afterr' 은(는) 폴더도 아니고 " + results + " 에 있는 세트의 라벨도 아닙니다 (있는 세트: before)");
        assertThat(notASet.exitCode()).isEqualTo(CompareCommand.BAD_INPUT);
        assertThat(notASet.output()).contains("은(는) 반복 실행 세트가 아닙니다 (set.json 없음");
        assertThat(missing.output()).contains("폴더가 없습니다");
        assertThat(same.output()).contains("기준과 후보가 같은 세트입니다");
        assertThat(written).isEmpty();
    }

    @Test
    void aSetWithoutAFinishedRunIsRefused() {
        Path folder = results.resolve("set-empty-1");
        new RunSet(
                        "empty",
                        AFTER.toString(),
                        "embedded",
                        20,
                        42,
                        java.util.Map.of(),
                        List.of(new RunSet.Run(1, 42, "runs/run-01-seed-42", null, 1, "❌ 백엔드 서버 연결 실패", 3)),
                        3)
                .write(folder);
        SetFixtures.set(results, "before", BEFORE, clean(100, 104, 98, 102, 96));

        Compared compared = compare("before", "empty", "--results", results.toString());

        assertThat(compared.exitCode()).isEqualTo(CompareCommand.BAD_INPUT);
        assertThat(compared.output()).contains("세트 empty (").contains("에 끝난 실행이 없습니다 (1회 중 0회)");
    }
}
