package clinic.simulation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpectedClinicTest {

    @Test
    void theClinicsFileNamesTheEightMondayClinics() {
        assertThat(ExpectedClinic.fromClinicsFile())
                .hasSize(8)
                .allMatch(clinic -> clinic.day().equals("mon"))
                .extracting(ExpectedClinic::room)
                .containsExactly("1강의실", "2강의실", "3강의실", "4강의실", "5강의실", "6강의실", "7강의실", "8강의실");
    }
}
