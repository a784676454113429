package clinic.simulation.compare;

import static clinic.simulation.output.RunOutputs.CONSOLE;

import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.launch.FreshWeeks;
import clinic.simulation.launch.LaunchedRun;
import clinic.simulation.options.Option;
import clinic.simulation.options.RunOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -Drepeat=N}: the same scenario N times, each run a whole run of the main simulation in a JVM of its
 * own on a fresh week ({@link FreshWeeks}), with its own seed and folder, as one set in
 * {@code results/set-<label>-<time>/} (set.json); then, with {@code -Dbaseline}, the comparison of this set
 * with the newest set of that label (compare.json, compare.html and the gate).
 */
public final class RepeatedRuns {

    /** The exit status of a set whose comparison's gate failed, or one of whose runs failed (as Gatling's). */
    public static final int FAILED = 2;
    /** The exit status of a set one of whose runs did not finish. */
    public static final int INCOMPLETE = 1;

    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RepeatedRuns() {}

    /**
     * What the set came to.
     *
     * @param comparison its comparison with the baseline; null without {@code -Dbaseline}
     * @param status 0 when the gate passed (or, without a baseline, every run passed), else {@link #FAILED} or
     *     {@link #INCOMPLETE}
     */
    public record Outcome(Path folder, RunSet set, Comparison comparison, int status) {}

    /**
     * Runs the set (refusing first, with one line each, what it cannot do: an unknown baseline, an external
     * backend without setupCommand...), writes it and compares it.
     *
     * @param simulation the main simulation's class name
     */
    public static Outcome run(RunOptions options, CompareOptions compare, String simulation) {
        Path results = Path.of(options.resultsFolder());
        ComparedSet baseline = compare.baseline() == null ? null : baseline(results, compare.baseline());
        List<String> problems = FreshWeeks.problems(options, "a set of repeated runs", "run");
        if (!problems.isEmpty()) {
            throw new NotReadyException("❌ 반복 실행을 시작할 수 없습니다:\n   - " + String.join("\n   - ", problems));
        }
        Instant started = Instant.now();
        Path folder = results.resolve(
                "set-" + compare.label() + "-" + LocalDateTime.now().format(FOLDER_TIME));
        CONSOLE.info(
                "🔁 반복 실행: {}회, 라벨 {}, 대상 {}, 학생 {}명, seed {}–{}{}",
                compare.repeat(),
                compare.label(),
                options.embedded() ? "내장 reference server" : options.target().baseUrl(),
                options.students(),
                options.seed(),
                options.seed() + compare.repeat() - 1,
                baseline == null ? "" : "; 비교 기준: " + baseline.set().label() + " (" + baseline.folder() + ")");
        CONSOLE.info("📁 세트: {}", folder.toAbsolutePath());
        List<RunSet.Run> runs = new ArrayList<>();
        try (FreshWeeks weeks = FreshWeeks.start(options, simulation)) {
            LaunchedRun last = null;
            for (int number = 1; number <= compare.repeat(); number++) {
                if (last != null) {
                    FreshWeeks.pause(compare.pauseAfter(last.summary()), Option.REPEAT_PAUSE_SECONDS, Long.MAX_VALUE);
                }
                long seed = options.seed() + number - 1;
                Path runFolder = folder.resolve(RunSet.RUNS).resolve("run-%02d-seed-%d".formatted(number, seed));
                last = weeks.run(runFolder, options.students(), seed, Long.MAX_VALUE);
                runs.add(recorded(last, folder, runFolder, number, seed, compare));
            }
        }
        RunSet set = new RunSet(
                compare.label(),
                started.toString(),
                options.embedded() ? "embedded" : options.target().baseUrl(),
                options.students(),
                options.seed(),
                options.describe(),
                List.copyOf(runs),
                Math.round((Instant.now().toEpochMilli() - started.toEpochMilli()) / 100.0) / 10.0);
        set.write(folder);
        if (baseline == null) {
            CONSOLE.info("\n{}", CompareConsole.setSummary(ComparedSet.load(folder)));
            CONSOLE.info("📁 {}: {}", RunSet.FILE, folder.toAbsolutePath());
            return new Outcome(folder, set, null, statusOf(runs));
        }
        Comparison comparison =
                Comparison.of(baseline, ComparedSet.load(folder), compare.maxRegressionPercent(), folder);
        Path page = comparison.write(folder);
        CONSOLE.info("\n{}", CompareConsole.render(comparison));
        CONSOLE.info("📁 {}, {}: {}", RunSet.FILE, Comparison.FILE, folder.toAbsolutePath());
        CONSOLE.info("📊 비교 보고서: {}", page.toAbsolutePath().toUri());
        return new Outcome(folder, set, comparison, comparison.gate().passed() ? 0 : FAILED);
    }

    /** The newest set labelled {@code label}, read now: a set that is not there stops the command before any run. */
    private static ComparedSet baseline(Path results, String label) {
        Path folder = RunSet.latest(results, label)
                .orElseThrow(() -> new NotReadyException("❌ 비교 기준 세트 '" + label + "' 이(가) " + results + " 에 없습니다 ("
                        + (RunSet.labels(results).isEmpty()
                                ? "세트가 하나도 없습니다"
                                : "있는 세트: " + String.join(", ", RunSet.labels(results)))
                        + "): 먼저 -Drepeat=N -Dlabel=" + label + " 로 기준 세트를 만드세요"));
        try {
            return ComparedSet.load(folder);
        } catch (IllegalArgumentException e) {
            throw new NotReadyException("❌ 비교 기준 세트를 쓸 수 없습니다: " + e.getMessage());
        }
    }

    /** A finished run as set.json lists it, and its console line. */
    private static RunSet.Run recorded(
            LaunchedRun launched, Path folder, Path runFolder, int number, long seed, CompareOptions compare) {
        RunSet.Run run = new RunSet.Run(
                number,
                seed,
                Comparison.relative(folder, runFolder),
                launched.runFolder() == null ? null : Comparison.relative(folder, launched.runFolder()),
                launched.exitCode(),
                launched.problem("실행 시간 한도 (maxDuration + 2분) 를 넘어 중단됨"),
                launched.seconds());
        CONSOLE.info(CompareConsole.runLine(run, launched.summary(), compare.repeat()));
        return run;
    }

    /** Without a baseline: as a single run's, the worst of the runs' statuses. */
    private static int statusOf(List<RunSet.Run> runs) {
        if (runs.stream().anyMatch(run -> run.runFolder() == null)) {
            return INCOMPLETE;
        }
        return runs.stream().allMatch(run -> run.exitCode() == 0) ? 0 : FAILED;
    }
}
