package clinic.simulation.output;

import clinic.simulation.answers.SimulationJson;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.options.SimulationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run leaves behind, written after the load: the console summary, and beside Gatling's report
 * clinic-summary.json and clinic_test.log.
 */
public final class RunOutputs {

    /** The console lines of the run (plain, at INFO whatever the other loggers say: see logback-test.xml). */
    public static final Logger CONSOLE = LoggerFactory.getLogger("clinic.simulation.Summary");

    static final String TEST_LOG_FILE = "clinic_test.log";

    private RunOutputs() {}

    /** @param audit what the audit concluded; null when it could not read the final state */
    public static void write(SimulationOptions options, RunLedger ledger, FinalStateAudit.Result audit) {
        Instant end = ledger.loadEnded() != null ? ledger.loadEnded() : Instant.now();
        Duration elapsed = ledger.loadStarted() == null ? Duration.ZERO : Duration.between(ledger.loadStarted(), end);
        RunSummary summary = RunSummary.of(
                options,
                ledger,
                elapsed,
                options.students(),
                audit == null ? List.of() : audit.finalSchedule().on(options.day()),
                audit == null ? null : audit.verdict(),
                "the audit could not read the final schedule (see the Audit group in the report)");
        CONSOLE.info("\n{}", ConsoleSummary.render(summary, options));
        Path folder = RunFolder.locate(Path.of(options.resultsFolder()));
        write(folder.resolve(RunSummary.FILE), SimulationJson.write(summary));
        write(folder.resolve(TEST_LOG_FILE), ClinicTestLog.render(ledger, summary, options));
        CONSOLE.info("📁 {}, {}: {}", RunSummary.FILE, TEST_LOG_FILE, folder.toAbsolutePath());
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
