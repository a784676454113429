package clinic.detection;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.contract.ClinicDay;
import clinic.server.ClinicLayout;
import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.simulation.output.FinalClinic;
import clinic.simulation.output.RunSummary;
import clinic.simulation.output.RunSummary.ExpectedClinicSeen;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scenario across a week, at a size that runs in seconds: 60 pre-provisioned students (no
 * registration) over three days of clinics, the layout given to the run as it was given to the setup.
 */
class WeekScenarioIT {

    private static final ClinicLayout WEEK = new ClinicLayout(
            List.of(ClinicDay.MON, ClinicDay.WED, ClinicDay.FRI), ClinicLayout.timesOf("16:00,17:00"), 2);
    private static final int STUDENTS = 60;

    @Test
    void studentsPickAmongEveryDaysClinicsAndEverySeatIsAccountedFor() {
        Path results = DetectionRuns.directory().resolve("runs").resolve("week");
        try (ReferenceServer server = ReferenceServer.start(DetectionRuns.serverConfig()
                .withFixture(FixtureSpec.standard()
                        .withCapacity(4)
                        .withStudents(STUDENTS)
                        .withLayout(WEEK)))) {
            LoadTestRun run = LoadTestRun.against(
                    server.baseUrl(),
                    17,
                    results,
                    Map.of(
                            "students", Integer.toString(STUDENTS),
                            "days", "mon,wed,fri",
                            "times", "16:00,17:00",
                            "rooms", "2",
                            "register", "false"));

            RunSummary summary = run.summary();
            assertThat(run.succeeded())
                    .as(run.describe() + " " + summary.brief())
                    .isTrue();
            assertThat(summary.steps()
                            .get(RunSummary.StepName.REGISTER.ordinal())
                            .requests())
                    .isZero();
            assertThat(summary.students().loggedIn()).isEqualTo(STUDENTS);
            assertThat(summary.finalClinics()).hasSize(12);
            assertThat(summary.finalClinics().stream()
                            .filter(clinic -> !clinic.students().isEmpty())
                            .map(FinalClinic::day)
                            .distinct())
                    .as("seats taken on every day of the run")
                    .containsExactlyInAnyOrder("mon", "wed", "fri");
            assertThat(summary.expectedClinics()).hasSize(12).allMatch(ExpectedClinicSeen::visible);
            assertThat(summary.audit().violations()).isEmpty();
        }
    }
}
