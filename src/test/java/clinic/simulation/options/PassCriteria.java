package clinic.simulation.options;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What fails the run besides the audit's violations and the failed logins and schedule reads.
 *
 * @param p95Ms the bound of the reservations' 95th percentile, in milliseconds
 * @param strictSecurity whether a backend that lets a student book for another fails the run (else a warning)
 */
public record PassCriteria(int p95Ms, boolean strictSecurity) {

    static PassCriteria read(OptionReader reader) {
        return new PassCriteria(
                reader.integer(Option.P95_MS, 1000, 1, 600_000), reader.bool(Option.STRICT_SECURITY, false));
    }

    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put(Option.STRICT_SECURITY.key(), strictSecurity);
        described.put(Option.P95_MS.key(), p95Ms);
        return described;
    }
}
