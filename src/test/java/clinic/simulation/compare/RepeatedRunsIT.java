package clinic.simulation.compare;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FaultMode;
import clinic.simulation.ClinicReservationSimulation;
import clinic.simulation.CompareSets;
import clinic.simulation.compare.FigureResult.Verdict;
import clinic.simulation.history.ResultsHistory;
import clinic.simulation.output.RunSummary;
import clinic.testsupport.Folders;
import clinic.testsupport.SimulationProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Repeated runs and their comparison as a user runs them, against the embedded server with small settings:
 * {@code -Drepeat=2} of the correct server, then of the overbooking one compared with it (its audits fail the
 * gate whatever the latencies), then the standalone command on the two sets both ways. Two runs a side give
 * no interval, so every figure is "no difference": the statistics are {@link ShiftTest}'s and
 * {@link FigureResultTest}'s; this checks the commands, their exit statuses and their files.
 */
class RepeatedRunsIT {

    private static final Path RESULTS = Path.of(System.getProperty("detection.dir", "target/detection"))
            .resolve("runs")
            .resolve("repeated-runs");
    /** Two runs of a few seconds each, their JVMs, the shared server's start: well under this. */
    private static final Duration SET_DEADLINE = Duration.ofMinutes(3);

    /** Six students racing for a clinic of two seats, two tries each, short pauses. */
    private static Map<String, String> small(String label) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("repeat", "2");
        options.put("label", label);
        options.put("seed", "7");
        options.put("students", "6");
        options.put("capacity", "2");
        options.put("maxReservations", "2");
        options.put("pauseMax", "0.3");
        options.put("resultsFolder", RESULTS.toString());
        return options;
    }

    @Test
    void aSetOfTheBuildAndAnOverbookingOneFailTheGateOnlyWhereTheCandidatesAuditFailed() {
        Folders.cleared(RESULTS);

        SimulationProcess before = repeat(small("before"));
        assertThat(before.exitCode()).as(before.output()).isZero();
        assertThat(before.output())
                .contains("🔁 반복 실행: 2회, 라벨 before, 대상 내장 reference server, 학생 6명, seed 7–8")
                .contains("🔁 세트 before: 2회 중 2회 완료")
                .contains("🗂️ 실행 기록: ");
        Path beforeFolder = RunSet.latest(RESULTS, "before").orElseThrow();
        RunSet set = RunSet.read(beforeFolder);
        assertThat(set.runs()).extracting(RunSet.Run::seed).containsExactly(7L, 8L);
        assertThat(set.runs())
                .allSatisfy(
                        run -> assertThat(beforeFolder.resolve(run.runFolder()).resolve(RunSummary.FILE))
                                .isRegularFile());

        Map<String, String> overbooking = small("overbook");
        overbooking.put("baseline", "before");
        overbooking.put("faults", FaultMode.OVERBOOK.flag());
        SimulationProcess broken = repeat(overbooking);
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(RepeatedRuns.FAILED);
        assertThat(broken.output())
                .contains("📊 변경 전후 비교: overbook (2회) ↔ 기준 before (2회)", "🏁 판정: ❌ 실패", "감사 실패 (OVER_CAPACITY");
        Comparison failed =
                Comparison.read(RunSet.latest(RESULTS, "overbook").orElseThrow().resolve(Comparison.FILE));
        assertThat(failed.gate().passed()).isFalse();
        assertThat(failed.gate().reasons()).anyMatch(reason -> reason.contains("OVER_CAPACITY"));
        assertThat(failed.optionsThatDiffer()).containsExactly("faults: [] → [overbook]");
        assertThat(failed.figure(Figure.RESERVE_P95).baseline().runs()).hasSize(2);

        Command gateFails = command("before", "overbook");
        assertThat(gateFails.exitCode).as(gateFails.output).isEqualTo(CompareCommand.GATE_FAILED);
        // the other way round the candidate's audits pass: the baseline's failures are shown, not gated
        Command gatePasses = command("overbook", "before");
        assertThat(gatePasses.exitCode).as(gatePasses.output).isZero();
        assertThat(gatePasses.output).contains("⚠️  기준 실행 1 (seed 7): 감사 실패 (OVER_CAPACITY", "🏁 판정: ✅ 통과");
        Comparison passed = Comparison.read(beforeFolder.resolve(Comparison.FILE));
        assertThat(passed.gate().passed()).isTrue();
        // two runs a side give no interval: no figure can differ beyond the noise
        assertThat(passed.figures()).allMatch(figure -> figure.verdict() == Verdict.SAME);
        Command badLabel = command("before", "aftr");
        assertThat(badLabel.exitCode).as(badLabel.output).isEqualTo(CompareCommand.BAD_INPUT);
        assertThat(badLabel.output).contains("'aftr' 은(는) 폴더도 아니고");

        assertThat(RESULTS.resolve(ResultsHistory.PAGE))
                .content()
                .contains("set-before-", "set-overbook-", "비교 통과 (기준 overbook)", "비교 실패 (기준 before)");
    }

    private static SimulationProcess repeat(Map<String, String> options) {
        return SimulationProcess.launch(ClinicReservationSimulation.class.getName(), options, RESULTS)
                .within(SET_DEADLINE)
                .run();
    }

    private record Command(int exitCode, String output) {}

    /** The standalone comparison as exec:java@compare runs it: its main class's entry, in the caller's JVM. */
    private static Command command(String baseline, String candidate) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            exitCode = CompareSets.run(new String[] {baseline, candidate, "--results", RESULTS.toString()}, out, out);
        }
        return new Command(exitCode, printed.toString(StandardCharsets.UTF_8));
    }
}
