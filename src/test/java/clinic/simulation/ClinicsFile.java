package clinic.simulation;

import java.util.List;

/** data/clinics.csv: the clinics an external backend's setup makes, which the audit expects to see. */
final class ClinicsFile {
    static final String FILE = "clinics.csv";

    private ClinicsFile() {}

    static List<ExpectedClinic> expectedClinics() {
        return CsvResource.read(FILE).stream()
                .map(row -> new ExpectedClinic(null, row.get("day"), row.get("time"), row.get("room")))
                .toList();
    }
}
