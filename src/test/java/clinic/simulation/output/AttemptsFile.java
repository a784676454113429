package clinic.simulation.output;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.audit.RunLedger.AttemptKind;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The ledger's reservation attempts on disk, one JSON object a line, beside clinic-summary.json: what the
 * clinic report reads besides the summary, so that it can be built from a run's files (and from several
 * injectors' files together). Small per attempt: no answer bodies, which clinic_test.log keeps.
 */
public final class AttemptsFile {

    public static final String FILE = "clinic-attempts.jsonl";

    /**
     * One reservation attempt.
     *
     * @param answeredAtMs when the answer was recorded, epoch milliseconds
     * @param status null when no HTTP answer came
     * @param detail what went wrong, for a technical failure only
     * @param kind the student's own click, the second of a double click, or a request for another student
     * @param caller who sent a request for another student ({@code student} is whom it was for); else null
     */
    public record Attempt(
            long answeredAtMs,
            String student,
            long studentId,
            long clinicId,
            RejectionReason reason,
            Integer status,
            long latencyMs,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String detail,
            AttemptKind kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) String caller) {

        public Attempt {
            Objects.requireNonNull(student, "student");
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
            kind = kind == null ? AttemptKind.OWN : kind;
        }

        static Attempt of(ReservationAttempt attempt) {
            return new Attempt(
                    attempt.at().toEpochMilli(),
                    attempt.username(),
                    attempt.studentId(),
                    attempt.clinicId(),
                    attempt.reason(),
                    attempt.status(),
                    attempt.latencyMs(),
                    attempt.answer().detail(),
                    attempt.kind(),
                    attempt.kind() == AttemptKind.FOR_ANOTHER_STUDENT ? attempt.caller() : null);
        }

        /** When the request was sent, epoch milliseconds. */
        public long sentAtMs() {
            return answeredAtMs - latencyMs;
        }
    }

    private AttemptsFile() {}

    public static void write(Path file, List<ReservationAttempt> attempts) {
        writeAttempts(file, attempts.stream().map(Attempt::of).toList());
    }

    /** The attempts as they are: several injectors' files merged into one. */
    public static void writeAttempts(Path file, List<Attempt> attempts) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                SequenceWriter lines = SimulationJson.MAPPER
                        .writerFor(Attempt.class)
                        .without(SerializationFeature.INDENT_OUTPUT)
                        .withRootValueSeparator("\n")
                        .writeValues(out)) {
            for (Attempt attempt : attempts) {
                lines.write(attempt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Throws {@link IllegalArgumentException} naming the file and the line when a line is not an attempt. */
    public static List<Attempt> read(Path file) {
        try (MappingIterator<Attempt> lines =
                SimulationJson.MAPPER.readerFor(Attempt.class).readValues(file.toFile())) {
            return lines.readAll();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String line =
                    e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(
                    file + line + " is not a reservation attempt: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
