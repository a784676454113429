package clinic.simulation.history;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.answers.SimulationJson;
import clinic.simulation.output.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index of a results folder built from hand-made folders: a run, a set, and folders that are neither;
 * newest first, each linked to its report.
 */
class ResultsHistoryTest {

    @TempDir
    Path results;

    @Test
    void everyRunAndSetIsListedNewestFirstWithItsReport() throws IOException {
        Path run = results.resolve("clinicreservationsimulation-20261205100000000");
        write(run.resolve(RunSummary.FILE), summary("2026-12-05T10:00:10Z", 73, true));
        write(run.resolve("clinic-report.html"), "<html></html>");
        Path older = results.resolve("clinicreservationsimulation-20261205090000000");
        write(older.resolve(RunSummary.FILE), summary("2026-12-05T09:00:10Z", 1200, false));
        Path set = results.resolve("set-before-20261205-110000");
        Path setRun = set.resolve("runs/run-01-seed-42/clinicreservationsimulation-1");
        write(setRun.resolve(RunSummary.FILE), summary("2026-12-05T11:00:10Z", 80, true));
        write(setRun.resolve("clinic-report.html"), "<html></html>");
        write(set.resolve("set.json"), """
                {"label": "before", "createdAt": "2026-12-05T11:00:00Z", "target": "embedded", "students": 20,
                 "seed": 42, "options": {}, "elapsedSeconds": 9,
                 "runs": [{"number": 1, "seed": 42, "folder": "runs/run-01-seed-42",
                           "runFolder": "runs/run-01-seed-42/clinicreservationsimulation-1", "exitCode": 0,
                           "problem": null, "seconds": 9}]}
                """);
        Files.createDirectories(results.resolve("capacity-search-steps-1"));

        ResultsHistory.History history = ResultsHistory.of(results);

        assertThat(history.rows())
                .extracting(ResultsHistory.Row::label)
                .containsExactly(
                        "before",
                        run.getFileName().toString(),
                        older.getFileName().toString());
        ResultsHistory.Row newest = history.rows().get(0);
        assertThat(newest.kind()).isEqualTo("세트 1회");
        assertThat(newest.p95Ms()).isEqualTo(80);
        assertThat(newest.audit()).isEqualTo("1/1 통과");
        assertThat(newest.links())
                .containsExactly(
                        new ResultsHistory.Link(
                                "실행 1",
                                "set-before-20261205-110000/runs/run-01-seed-42/clinicreservationsimulation-1/clinic-report.html"));
        ResultsHistory.Row failed = history.rows().get(2);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.verdict()).isEqualTo("실패");
        assertThat(failed.links()).isEmpty();

        ResultsHistory.publish(results);

        assertThat(results.resolve(ResultsHistory.PAGE))
                .content()
                .contains("실행 기록")
                .contains("set-before-20261205-110000");
    }

    private static String summary(String auditedAt, long p95, boolean passed) {
        var summary = SimulationJson.MAPPER.createObjectNode();
        summary.putObject("options")
                .put("baseUrl", "embedded")
                .put("p95Ms", 1000)
                .put("seed", 42);
        summary.put("elapsedSeconds", 12.0);
        var students = summary.putObject("students").put("total", 20).put("loggedIn", 20);
        students.putArray("loginFailures");
        students.putArray("scheduleFailures");
        var step = summary.putArray("steps")
                .addObject()
                .put("name", "RESERVE")
                .put("requests", 60)
                .put("failed", 0);
        step.putArray("failures");
        step.putObject("latencyMs")
                .put("mean", 30)
                .put("p50", 20)
                .put("p95", p95)
                .put("p99", p95)
                .put("max", p95);
        var reservations = summary.putObject("reservations")
                .put("attempts", 60)
                .put("reserved", 30)
                .put("failed", 30)
                .put("successRatePercent", 50);
        reservations.putObject("byReason").put("RESERVED", 30).put("OCCUPIED", 30);
        summary.putObject("latencyMs")
                .put("mean", 30)
                .put("p50", 20)
                .put("p95", p95)
                .put("p99", p95)
                .put("max", p95);
        var audit = summary.putObject("audit").put("ran", true).put("passed", passed);
        var violations = audit.putArray("violations");
        if (!passed) {
            violations.addObject().put("kind", "OVER_CAPACITY").put("message", "clinic 21 holds 9 students");
        }
        audit.putArray("warnings");
        audit.putArray("rules");
        audit.put("millis", 40);
        summary.putArray("finalClinics");
        summary.putObject("diagnosis").putNull("headline").putArray("hints");
        summary.putObject("opening")
                .putNull("openAt")
                .put("firstSend", auditedAt)
                .put("auditedAt", auditedAt);
        return SimulationJson.write(summary);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
