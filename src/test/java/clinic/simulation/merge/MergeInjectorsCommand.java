package clinic.simulation.merge;

import clinic.simulation.answers.SimulationJson;
import clinic.simulation.output.AttemptsFile;
import clinic.simulation.output.ConsoleSummary;
import clinic.simulation.output.RunSummary;
import clinic.simulation.report.ClinicReport;
import clinic.simulation.report.ReportPage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mvn -q exec:java@merge-injectors -Dexec.args="results/injector-1 results/injector-2 ..."}: the run
 * folders of the injectors of one run become one summary, one attempts file and one clinic report. Exit 0
 * when the merged verdict passes, 1 when it fails (any injector's audit, a failed login or schedule read,
 * the reservation p95), 2 when the folders are not the injectors of one run.
 */
@Command(
        name = "merge-injectors",
        mixinStandardHelpOptions = true,
        description = "Merges the run folders of the injectors of one run into one clinic-summary.json, "
                + "clinic-attempts.jsonl and clinic-report.html; exits 1 when the merged verdict fails.")
public final class MergeInjectorsCommand implements Callable<Integer> {

    static final int VERDICT_FAILED = 1;
    static final int NOT_ONE_RUN = 2;
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Parameters(
            arity = "1..*",
            paramLabel = "RUN_FOLDER",
            description = "each injector's run folder (or its results folder holding that one run)")
    List<Path> runs;

    @Option(
            names = "--into",
            paramLabel = "FOLDER",
            description = "where the merged files go (default: results/merged-<time>)")
    Path into;

    private final PrintStream out;

    public MergeInjectorsCommand() {
        this(System.out);
    }

    MergeInjectorsCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new MergeInjectorsCommand()).execute(args));
    }

    @Override
    public Integer call() {
        InjectorMerge merge;
        try {
            merge = InjectorMerge.of(runs.stream().map(InjectorRun::read).toList());
        } catch (IllegalArgumentException e) {
            out.println("❌ " + e.getMessage());
            return NOT_ONE_RUN;
        }
        Path folder = into != null
                ? into
                : Path.of("results", "merged-" + LocalDateTime.now().format(FOLDER_TIME));
        write(folder, merge);
        Path report = ReportPage.write(folder);
        ClinicReport.Verdict verdict =
                ClinicReport.of(merge.summary(), merge.attempts()).verdict();
        out.println(ConsoleSummary.render(merge.summary()));
        verdict.checks()
                .forEach(check -> out.println((check.passed() ? "✅ " : "❌ ") + check.label() + ": " + check.detail()));
        out.println((verdict.passed() ? "✅ 합산 판정: 통과" : "❌ 합산 판정: 실패") + " (인젝터 " + runs.size() + "개)");
        out.println("📁 " + RunSummary.FILE + ", " + AttemptsFile.FILE + ": " + folder.toAbsolutePath());
        out.println("📊 클리닉 보고서: " + report.toAbsolutePath().toUri());
        return verdict.passed() ? 0 : VERDICT_FAILED;
    }

    private static void write(Path folder, InjectorMerge merge) {
        try {
            Files.createDirectories(folder);
            Files.writeString(
                    folder.resolve(RunSummary.FILE), SimulationJson.write(merge.summary()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the merged summary into " + folder, e);
        }
        AttemptsFile.writeAttempts(folder.resolve(AttemptsFile.FILE), merge.attempts());
    }
}
