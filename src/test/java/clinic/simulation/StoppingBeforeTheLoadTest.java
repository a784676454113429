package clinic.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.testsupport.SimulationProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that cannot start, as the user sees it from {@code mvn gatling:test}: the reason, printed once,
 * a non-zero exit, and none of Gatling's stack traces. Each case is a JVM of its own, launched as the
 * Gatling plugin launches it.
 */
class StoppingBeforeTheLoadTest {

    @TempDir
    Path results;

    private SimulationProcess run(Map<String, String> properties, Path classpathFirst) {
        return SimulationProcess.launch(ClinicReservationSimulation.class.getName(), properties, results)
                .withClasspathFirst(classpathFirst)
                .run();
    }

    private static void assertNoStackTrace(SimulationProcess run) {
        assertThat(run.output())
                .as(run.output())
                .doesNotContain("\tat ", "Run crashed", "Caused by:", "InvocationTargetException", "ForkException");
    }

    @Test
    void aMistypedOptionIsRefusedWithTheOptionMeant() {
        SimulationProcess run = run(Map.of("studnets", "50"), null);

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.lines())
                .containsSubsequence(
                        "Invalid simulation options:", "  - unknown option studnets: did you mean students?");
        assertThat(run.output()).containsOnlyOnce("did you mean students?");
        assertNoStackTrace(run);
    }

    @Test
    void aRenamedHeaderInStudentsCsvNamesFileLineAndColumn(@TempDir Path data) throws IOException {
        Files.writeString(
                data.resolve("students.csv"),
                "user_name,password,name,phone_num,student_phone_num,student_parent_phone_num,school,grade\n"
                        + "test_student_01,testpass123,테스트학생01,010-1234-0001,010-1234-0001,010-5678-0001,세화고,2학년\n",
                StandardCharsets.UTF_8);

        SimulationProcess run = run(Map.of(), data);

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output())
                .containsOnlyOnce("❌ data/students.csv line 1: column 'username' is missing (header: "
                        + "user_name,password,name,");
        assertNoStackTrace(run);
    }

    @Test
    void anUnreachableTargetSaysWhereItLookedAndNothingElse() {
        SimulationProcess run = run(Map.of("baseUrl", "http://127.0.0.1:1/api"), null);

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).containsOnlyOnce("❌ 백엔드 서버 연결 실패: http://127.0.0.1:1/api/health/");
        assertNoStackTrace(run);
    }
}
