package clinic.simulation.compare;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.output.RunSummary;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small hand-made sets of runs for the tests: set.json and, per run, a clinic-summary.json with the figures
 * a test sets (the reservation latency, the reserved seats, the audit) and everything else fixed.
 */
final class SetFixtures {

    /** What a test sets of one run; the reservation phase lasts 10 s, every step's latency is {@code p95} scaled. */
    record FixtureRun(long p95Ms, int reserved, String violation) {

        static FixtureRun clean(long p95Ms) {
            return new FixtureRun(p95Ms, 30, null);
        }
    }

    private SetFixtures() {}

    /** A set labelled {@code label} in {@code results}, made at {@code createdAt}, one run per entry. */
    static Path set(Path results, String label, Instant createdAt, List<FixtureRun> runs) {
        Path folder = results.resolve("set-" + label + "-" + createdAt.toEpochMilli());
        List<RunSet.Run> described = new ArrayList<>();
        for (int index = 0; index < runs.size(); index++) {
            int number = index + 1;
            String runFolder = "runs/run-%02d-seed-%d/clinicreservationsimulation-1".formatted(number, 41 + number);
            write(folder.resolve(runFolder).resolve(RunSummary.FILE), summary(runs.get(index), 41 + number));
            described.add(new RunSet.Run(
                    number,
                    41 + number,
                    "runs/run-%02d-seed-%d".formatted(number, 41 + number),
                    runFolder,
                    runs.get(index).violation() == null ? 0 : 2,
                    null,
                    6.5));
        }
        new RunSet(label, createdAt.toString(), "embedded", 20, 42, Map.of("students", 20, "seed", 42), described, 40)
                .write(folder);
        return folder;
    }

    /** A run's summary as the simulation writes it, with the figures of {@code run}. */
    static String summary(FixtureRun run, long seed) {
        ObjectNode summary = SimulationJson.MAPPER.createObjectNode();
        summary.putObject("options")
                .put("baseUrl", "embedded")
                .put("p95Ms", 1000)
                .put("seed", seed);
        summary.put("elapsedSeconds", 12.0);
        ObjectNode students = summary.putObject("students").put("total", 20).put("loggedIn", 20);
        students.putArray("loginFailures");
        students.putArray("scheduleFailures");
        ArrayNode steps = summary.putArray("steps");
        for (RunSummary.StepName step : RunSummary.StepName.values()) {
            ObjectNode each = steps.addObject()
                    .put("name", step.name())
                    .put("requests", step == RunSummary.StepName.RESERVE ? 60 : 20)
                    .put("failed", 0);
            each.putArray("failures");
            latency(each.putObject("latencyMs"), run.p95Ms());
        }
        ObjectNode reservations = summary.putObject("reservations")
                .put("attempts", 60)
                .put("reserved", run.reserved())
                .put("failed", 60 - run.reserved())
                .put("successRatePercent", 100.0 * run.reserved() / 60);
        ObjectNode byReason = reservations.putObject("byReason");
        for (RejectionReason reason : RejectionReason.values()) {
            byReason.put(reason.name(), 0);
        }
        byReason.put(RejectionReason.RESERVED.name(), run.reserved());
        byReason.put(RejectionReason.OCCUPIED.name(), 60 - run.reserved());
        latency(summary.putObject("latencyMs"), run.p95Ms());
        ObjectNode audit = summary.putObject("audit").put("ran", true).put("passed", run.violation() == null);
        ArrayNode violations = audit.putArray("violations");
        if (run.violation() != null) {
            violations.addObject().put("kind", run.violation()).put("message", "clinic 21 holds 9 students");
        }
        audit.putArray("warnings");
        audit.putArray("rules");
        audit.put("millis", 40);
        summary.putArray("finalClinics");
        summary.putObject("diagnosis").putNull("headline").putArray("hints");
        summary.putArray("expectedClinics");
        summary.putObject("opening")
                .putNull("openAt")
                .put("firstSend", "2026-12-05T10:00:00Z")
                .put("lastFirstSend", "2026-12-05T10:00:00.100Z")
                .put("auditedAt", "2026-12-05T10:00:10Z");
        summary.putObject("harness").put("peakHeapMb", 60).put("requestsPerSecond", 10.0);
        return SimulationJson.write(summary);
    }

    private static void latency(ObjectNode latency, long p95) {
        latency.put("mean", p95 / 3.0)
                .put("p50", p95 / 4)
                .put("p95", p95)
                .put("p99", p95 + 10)
                .put("max", p95 + 20);
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
