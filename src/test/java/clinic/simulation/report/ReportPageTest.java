package clinic.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.answers.SimulationJson;
import clinic.simulation.report.ClinicReport.ClinicState;
import clinic.simulation.report.ClinicReport.GridClinic;
import clinic.simulation.report.ClinicReport.WeekGrid;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPageTest {

    /** A room name a backend could send: it must stay data, not end the page's data script. */
    private static final String HOSTILE_ROOM = "</script><script>alert('강의실')</script><!--";

    private static ClinicReport reportWithRoom(String room) {
        return new ClinicReport(
                null,
                null,
                new WeekGrid(
                        List.of(),
                        List.of("18:00"),
                        List.of(new GridClinic(1L, "mon", "18:00", room, "", "", 6, 0, ClinicState.FREE))),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void theDataCannotCloseItsScriptElementAndReadsBackTheSame() throws Exception {
        String json = ReportPage.json(reportWithRoom(HOSTILE_ROOM));

        assertThat(json).doesNotContain("<").contains("\\u003C/script>");
        assertThat(SimulationJson.MAPPER
                        .readTree(json)
                        .at("/week/clinics/0/room")
                        .asText())
                .isEqualTo(HOSTILE_ROOM);
    }

    @Test
    void thePageInlinesTheChartLibraryTheDataAndTheScriptWithNoSlotLeft() {
        String page = ReportPage.render(reportWithRoom("1강의실"));

        assertThat(page)
                .doesNotContain("/*{")
                .contains("\"room\":\"1강의실\"")
                .contains("echarts")
                .contains("renderVerdict");
        assertThat(page.split("</script>", -1)).hasSize(4);
    }
}
