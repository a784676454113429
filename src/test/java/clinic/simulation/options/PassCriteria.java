package clinic.simulation.options;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What fails the run besides the failed logins and schedule reads, and which findings do not.
 *
 * @param p95Ms the bound of the reservations' 95th percentile, in milliseconds
 * @param strictSecurity whether a backend that lets a student book for another fails the run (else a warning)
 * @param acceptedFindings the files of findings accepted as known (a list separated by commas), reported apart
 *     and never failing the run
 * @param writeAcceptedFindings where the run writes its findings as accepted ones; null for nowhere
 */
public record PassCriteria(int p95Ms, boolean strictSecurity, List<Path> acceptedFindings, Path writeAcceptedFindings) {

    static PassCriteria read(OptionReader reader) {
        return new PassCriteria(
                reader.integer(Option.P95_MS, 1000, 1, 600_000),
                reader.bool(Option.STRICT_SECURITY, false),
                reader.parsed(Option.ACCEPTED_FINDINGS, "", PassCriteria::files),
                reader.parsed(Option.WRITE_ACCEPTED_FINDINGS, null, Path::of));
    }

    /** Files separated by commas; a blank entry is left out. */
    private static List<Path> files(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(Path::of)
                .toList();
    }

    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put(Option.STRICT_SECURITY.key(), strictSecurity);
        described.put(Option.P95_MS.key(), p95Ms);
        if (!acceptedFindings.isEmpty()) {
            described.put(
                    Option.ACCEPTED_FINDINGS.key(),
                    acceptedFindings.stream().map(Path::toString).toList());
        }
        return described;
    }
}
