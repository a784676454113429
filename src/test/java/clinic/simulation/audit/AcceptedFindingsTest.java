package clinic.simulation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.audit.Finding.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptedFindingsTest {

    private static final Finding HIDDEN =
            new Finding(Kind.CLINIC_NOT_VISIBLE, "mon 18:00 2강의실", "설정이 만든 클리닉 11 (mon 18:00 2강의실)이 최종 스케줄에 없습니다");

    @TempDir
    Path folder;

    @Test
    void aBaselineWrittenTodayMatchesTomorrowsFindingByKindAndSubjectNotByItsWords() {
        Path file = folder.resolve("accepted-findings.json");
        int written = AcceptedFindings.write(
                file,
                List.of(HIDDEN, HIDDEN, new Finding(Kind.TECHNICAL_FAILURES, "", "예약 시도 3건이 기술적으로 실패했습니다")),
                "production grid, accepted 2026-12-05");

        AcceptedFindings baseline = AcceptedFindings.read(file);
        Finding tomorrow = new Finding(Kind.CLINIC_NOT_VISIBLE, "mon 18:00 2강의실", "클리닉 31 (mon 18:00 2강의실) ...");

        assertThat(written).isEqualTo(1);
        assertThat(baseline.accepts(tomorrow)).isTrue();
        assertThat(baseline.mark(tomorrow).note()).isEqualTo("production grid, accepted 2026-12-05");
        assertThat(baseline.accepts(new Finding(Kind.CLINIC_NOT_VISIBLE, "mon 19:00 4강의실", "another room")))
                .isFalse();
        assertThat(baseline.accepts(new Finding(Kind.OVER_CAPACITY, "mon 18:00 2강의실", "same room, another kind")))
                .isFalse();
    }

    @Test
    void technicalFailuresAreNeverAccepted() {
        Finding failures = new Finding(Kind.TECHNICAL_FAILURES, "", "예약 시도 1건이 기술적으로 실패했습니다");

        assertThat(AcceptedFindings.of(List.of(failures), "standing").accepts(failures))
                .isFalse();
        assertThat(AcceptedFindings.of(List.of(HIDDEN), "standing")
                        .and(AcceptedFindings.NONE)
                        .accepts(HIDDEN))
                .isTrue();
    }

    @Test
    void aMissingOrMalformedFileSaysWhichAndHowToMakeOne() throws IOException {
        Path missing = folder.resolve("none.json");
        Path garbled = Files.writeString(folder.resolve("garbled.json"), "{\"findings\": [", StandardCharsets.UTF_8);
        Path kindless = Files.writeString(folder.resolve("kindless.json"), "{\"findings\": [{\"subject\": \"x\"}]}");
        Path unknownKind = Files.writeString(
                folder.resolve("unknown.json"), "{\"findings\": [{\"kind\": \"SLOW\", \"subject\": \"\"}]}");

        assertThatThrownBy(() -> AcceptedFindings.read(missing))
                .hasMessage("acceptedFindings: " + missing + " does not exist (write it from a run with "
                        + "-DwriteAcceptedFindings=" + missing + ")");
        assertThatThrownBy(() -> AcceptedFindings.read(garbled))
                .hasMessageStartingWith("acceptedFindings: " + garbled + " is not a file of accepted findings: ");
        assertThatThrownBy(() -> AcceptedFindings.read(kindless))
                .hasMessage("acceptedFindings: " + kindless + " has an entry without a kind");
        assertThatThrownBy(() -> AcceptedFindings.read(unknownKind))
                .hasMessageStartingWith("acceptedFindings: " + unknownKind + " is not a file of accepted findings: ")
                .hasMessageContaining("SLOW");
    }
}
