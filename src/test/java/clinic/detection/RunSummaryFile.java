package clinic.detection;

import clinic.testsupport.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parts of a run's clinic-summary.json that say whether the run caught a fault. */
public record RunSummaryFile(JsonNode json) {

    /** One audit violation as the summary lists it. */
    public record Violation(String kind, String message) {
        @Override
        public String toString() {
            return kind + ": " + message;
        }
    }

    /** One clinic of the final schedule. */
    public record FinalClinic(
            long id, String time, String room, int capacity, int currentCount, List<String> students) {}

    public static RunSummaryFile read(Path file) {
        try {
            return new RunSummaryFile(Json.MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public boolean auditRan() {
        return json.path("audit").path("ran").asBoolean(false);
    }

    public boolean auditPassed() {
        return json.path("audit").path("passed").asBoolean(false);
    }

    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        json.path("audit")
                .path("violations")
                .forEach(node -> violations.add(new Violation(
                        node.path("kind").asText(), node.path("message").asText())));
        return violations;
    }

    public int studentsLoggedIn() {
        return json.path("students").path("loggedIn").asInt();
    }

    /** Students whose weekly-schedule read failed (they could not reserve). */
    public List<String> scheduleFailures() {
        List<String> students = new ArrayList<>();
        json.path("students").path("scheduleFailures").forEach(student -> students.add(student.asText()));
        return students;
    }

    public int studentsTotal() {
        return json.path("students").path("total").asInt();
    }

    public int attempts() {
        return json.path("reservations").path("attempts").asInt();
    }

    public int reserved() {
        return json.path("reservations").path("reserved").asInt();
    }

    public int countOf(String reason) {
        return json.path("reservations").path("byReason").path(reason).asInt();
    }

    public long p95Ms() {
        return json.path("latencyMs").path("p95").asLong();
    }

    public long p95BoundMs() {
        return json.path("options").path("p95Ms").asLong();
    }

    public List<FinalClinic> finalClinics() {
        List<FinalClinic> clinics = new ArrayList<>();
        json.path("finalClinics").forEach(node -> {
            List<String> students = new ArrayList<>();
            node.path("students").forEach(student -> students.add(student.asText()));
            clinics.add(new FinalClinic(
                    node.path("id").asLong(),
                    node.path("time").asText(),
                    node.path("room").asText(),
                    node.path("capacity").asInt(),
                    node.path("currentCount").asInt(),
                    List.copyOf(students)));
        });
        return clinics;
    }

    /** A one-line account of the run, for failure messages and the report. */
    public String brief() {
        return "attempts " + attempts() + ", reserved " + reserved() + ", logged in " + studentsLoggedIn() + "/"
                + studentsTotal() + ", p95 " + p95Ms() + " ms, audit "
                + (auditRan() ? auditPassed() ? "passed" : "failed " + violations() : "did not run");
    }
}
