package clinic.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.answers.NoAnswer;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.audit.RunLedger.AttemptKind;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import clinic.simulation.output.AttemptsFile.Attempt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptsFileTest {

    private static final Instant AT = Instant.parse("2026-11-25T09:00:01.250Z");

    @TempDir
    Path folder;

    @Test
    void everyAttemptIsOneLineWithoutItsBodyAndReadsBackAsItWas() throws IOException {
        Path file = folder.resolve(AttemptsFile.FILE);
        AttemptsFile.write(
                file,
                List.of(
                        new ReservationAttempt(
                                "test_student_01",
                                9,
                                15,
                                ReservationAnswer.classify(409, "{\"error\":\"occupied\"}"),
                                409,
                                31,
                                "{\"error\":\"occupied\"}",
                                AT),
                        new ReservationAttempt(
                                "test_student_02",
                                10,
                                16,
                                ReservationAnswer.none(NoAnswer.TIMED_OUT),
                                null,
                                60_000,
                                null,
                                AT.plusSeconds(60)),
                        new ReservationAttempt(
                                "test_student_03",
                                11,
                                15,
                                ReservationAnswer.classify(403, "{\"error\":\"forbidden\"}"),
                                403,
                                12,
                                "{\"error\":\"forbidden\"}",
                                AT.plusSeconds(61),
                                AttemptKind.FOR_ANOTHER_STUDENT,
                                "test_student_01")));

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly(
                        "{\"answeredAtMs\":" + AT.toEpochMilli() + ",\"student\":\"test_student_01\",\"studentId\":9,"
                                + "\"clinicId\":15,\"reason\":\"OCCUPIED\",\"status\":409,\"latencyMs\":31,\"kind\":\"OWN\"}",
                        "{\"answeredAtMs\":" + AT.plusSeconds(60).toEpochMilli() + ",\"student\":\"test_student_02\","
                                + "\"studentId\":10,\"clinicId\":16,\"reason\":\"NETWORK_ERROR\",\"status\":null,"
                                + "\"latencyMs\":60000,\"detail\":\"요청 시간 초과\",\"kind\":\"OWN\"}",
                        "{\"answeredAtMs\":" + AT.plusSeconds(61).toEpochMilli() + ",\"student\":\"test_student_03\","
                                + "\"studentId\":11,\"clinicId\":15,\"reason\":\"FORBIDDEN\",\"status\":403,"
                                + "\"latencyMs\":12,\"kind\":\"FOR_ANOTHER_STUDENT\",\"caller\":\"test_student_01\"}");
        assertThat(AttemptsFile.read(file))
                .containsExactly(
                        new Attempt(
                                AT.toEpochMilli(),
                                "test_student_01",
                                9,
                                15,
                                RejectionReason.OCCUPIED,
                                409,
                                31,
                                "",
                                AttemptKind.OWN,
                                null),
                        new Attempt(
                                AT.plusSeconds(60).toEpochMilli(),
                                "test_student_02",
                                10,
                                16,
                                RejectionReason.NETWORK_ERROR,
                                null,
                                60_000,
                                "요청 시간 초과",
                                AttemptKind.OWN,
                                null),
                        new Attempt(
                                AT.plusSeconds(61).toEpochMilli(),
                                "test_student_03",
                                11,
                                15,
                                RejectionReason.FORBIDDEN,
                                403,
                                12,
                                "",
                                AttemptKind.FOR_ANOTHER_STUDENT,
                                "test_student_01"));
    }

    @Test
    void aLineThatIsNotAnAttemptIsNamedWithItsFileAndLine() throws IOException {
        Path file = folder.resolve(AttemptsFile.FILE);
        Files.writeString(
                file,
                "{\"answeredAtMs\":1,\"student\":\"a\",\"studentId\":1,\"clinicId\":1,\"reason\":\"RESERVED\","
                        + "\"status\":200,\"latencyMs\":3}\n"
                        + "{\"answeredAtMs\":2,\"student\":\"b\",\"studentId\":2,\"clinicId\":1,\"reason\":\"MAYBE\"}\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AttemptsFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + " line 2 is not a reservation attempt: ")
                .hasMessageContaining("MAYBE");
    }
}
