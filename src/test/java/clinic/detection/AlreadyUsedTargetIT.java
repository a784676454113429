package clinic.detection;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.FixtureSpec;
import clinic.server.FixtureSpec.Clinics;
import clinic.server.ReferenceServer;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.output.AttemptsFile;
import clinic.simulation.output.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same run twice against a backend nobody reset in between: the second run books nothing, its
 * students hear "already reserved" for exactly the seats of the first (a double click hears it twice),
 * and the console says how to reset the backend.
 */
class AlreadyUsedTargetIT {

    private static final long SEED = 11;

    @Test
    void aSecondRunOnTheSameStateSaysHowToResetTheBackend() {
        Path results = DetectionRuns.directory().resolve("runs").resolve("already-used");
        try (ReferenceServer server = ReferenceServer.start(DetectionRuns.serverConfig())) {
            server.loadFixture(FixtureSpec.standard());
            LoadTestRun first = LoadTestRun.against(server.baseUrl(), SEED, results);
            assertThat(first.succeeded()).as(first.describe()).isTrue();
            // a new minute of rate limit for the same students, and nothing else reset
            server.loadFixture(FixtureSpec.standard().withClinics(Clinics.NONE).withStudents(0));

            LoadTestRun second = LoadTestRun.against(server.baseUrl(), SEED, results);

            RunSummary summary = second.summary();
            assertThat(summary.reservations().reserved()).isZero();
            assertThat(seats(second, RejectionReason.ALREADY_RESERVED))
                    .as("every seat of the first run, and only those, answered already reserved")
                    .isNotEmpty()
                    .isEqualTo(seats(first, RejectionReason.RESERVED));
            assertThat(summary.diagnosis().hints())
                    .anyMatch(hint -> hint.startsWith("💡 이전 실행의 예약이 백엔드에 남아 있습니다 (성공 0, " + "ALREADY_RESERVED "
                            + summary.reservations().count(RejectionReason.ALREADY_RESERVED) + "/"));
            assertThat(summary.audit().passed())
                    .as("the earlier reservations are in the BEFORE snapshot")
                    .isTrue();
        }
    }

    /** Which student asked for which clinic and was answered {@code reason}, from the run's attempts file. */
    private static Set<List<Long>> seats(LoadTestRun run, RejectionReason reason) {
        return AttemptsFile.read(run.runFolder().resolve(AttemptsFile.FILE)).stream()
                .filter(attempt -> attempt.reason() == reason)
                .map(attempt -> List.of(attempt.studentId(), attempt.clinicId()))
                .collect(Collectors.toSet());
    }
}
