package clinic.simulation.audit;

import clinic.simulation.answers.SimulationJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings known and accepted, as a static analyser keeps a baseline: a file kept with the project
 * ({@code -DwriteAcceptedFindings=FILE} writes a run's findings to it, {@code -DacceptedFindings=FILE}
 * reads it). A run reports the findings it matches apart, marked, and fails only on the others. A finding
 * matches by kind and subject ({@link Finding#key()}), not by its message, whose figures change from run
 * to run.
 */
public final class AcceptedFindings {

    /** Nothing accepted. */
    public static final AcceptedFindings NONE = new AcceptedFindings(Map.of());

    /**
     * The file: a line saying what it is, then the accepted findings.
     *
     * @param findings each with the message it had when accepted, and its note
     */
    record Baseline(String about, List<Finding> findings) {}

    private static final String ABOUT = "clinic-load: findings accepted as known (kind + subject); a run reports them "
            + "apart and fails only on new ones. Remove an entry to fail on it again.";

    /** The note of each accepted finding, by key. */
    private final Map<String, String> notes;

    private AcceptedFindings(Map<String, String> notes) {
        this.notes = Map.copyOf(notes);
    }

    /** Accepts these findings (the acceptable ones) for {@code note}. */
    public static AcceptedFindings of(Collection<Finding> findings, String note) {
        Map<String, String> notes = new LinkedHashMap<>();
        acceptable(findings).keySet().forEach(key -> notes.put(key, note));
        return new AcceptedFindings(notes);
    }

    /** The first of {@code findings} of each key, the ones that may be accepted only, in their order. */
    private static Map<String, Finding> acceptable(Collection<Finding> findings) {
        Map<String, Finding> byKey = new LinkedHashMap<>();
        findings.stream()
                .filter(finding -> finding.kind().acceptable())
                .forEach(finding -> byKey.putIfAbsent(finding.key(), finding));
        return byKey;
    }

    /**
     * The baseline in {@code file}; a missing or unreadable file is an error whose message names it and
     * says how to make one.
     */
    public static AcceptedFindings read(Path file) {
        Baseline baseline;
        try {
            baseline = SimulationJson.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), Baseline.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("acceptedFindings: " + file
                    + " does not exist (write it from a run with " + "-DwriteAcceptedFindings=" + file + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "acceptedFindings: " + file + " is not a file of accepted findings: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException("acceptedFindings: " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> notes = new LinkedHashMap<>();
        List<Finding> findings = baseline.findings() == null ? List.of() : baseline.findings();
        for (Finding finding : findings) {
            if (finding == null || finding.kind() == null) {
                throw new IllegalArgumentException("acceptedFindings: " + file + " has an entry without a kind");
            }
            notes.putIfAbsent(finding.key(), finding.note() == null ? "받아들인 발견 (" + file + ")" : finding.note());
        }
        return new AcceptedFindings(notes);
    }

    /**
     * Writes the acceptable ones of {@code findings} to {@code file}, each with {@code note}, replacing the
     * file; returns how many it wrote.
     */
    public static int write(Path file, Collection<Finding> findings, String note) {
        List<Finding> accepted = acceptable(findings).values().stream()
                .map(finding -> finding.accepted(note))
                .toList();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, SimulationJson.write(new Baseline(ABOUT, accepted)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return accepted.size();
    }

    /** The accepted findings of both. */
    public AcceptedFindings and(AcceptedFindings other) {
        Map<String, String> both = new LinkedHashMap<>(notes);
        other.notes.forEach(both::putIfAbsent);
        return new AcceptedFindings(both);
    }

    public boolean isEmpty() {
        return notes.isEmpty();
    }

    /** Whether {@code finding} is accepted. */
    public boolean accepts(Finding finding) {
        return finding.kind().acceptable() && notes.containsKey(finding.key());
    }

    /** {@code finding} marked with its note of acceptance; only for an accepted one. */
    Finding mark(Finding finding) {
        return finding.accepted(notes.get(finding.key()));
    }
}
