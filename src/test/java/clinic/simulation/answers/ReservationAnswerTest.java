package clinic.simulation.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReservationAnswerTest {

    static Stream<Arguments> answersOfTheContract() {
        return Stream.of(
                Arguments.of(
                        200,
                        "{\"success\":true,\"message\":\"클리닉 예약이 완료되었습니다.\",\"clinic_info\":{\"id\":12,"
                                + "\"day\":\"월요일\",\"time\":\"18:00\",\"room\":\"1강의실\",\"subject\":\"physics1\","
                                + "\"teacher\":\"테스트강사01\"},\"remaining_spots\":4}",
                        RejectionReason.RESERVED),
                Arguments.of(
                        409,
                        "{\"error\":\"occupied\",\"message\":\"해당 시간대는 이미 마감되었습니다.\",\"current_count\":6,"
                                + "\"capacity\":6}",
                        RejectionReason.OCCUPIED),
                Arguments.of(400, "{\"error\":\"이미 해당 클리닉에 예약되어 있습니다.\"}", RejectionReason.ALREADY_RESERVED),
                Arguments.of(
                        403,
                        "{\"error\":\"no_show_blocked\",\"message\":\"테스트학생01 학생은 2회 무단결석하여 금주 보충 예약이 "
                                + "불가능합니다.\",\"no_show_count\":2,\"user_name\":\"테스트학생01\"}",
                        RejectionReason.NO_SHOW_BLOCKED),
                Arguments.of(
                        400,
                        "{\"error\":\"reservation_closed\",\"message\":\"보충 예약 가능 기간이 아닙니다.\","
                                + "\"clinic_status\":\"inactive\"}",
                        RejectionReason.RESERVATION_CLOSED),
                Arguments.of(
                        429,
                        "{\"error\":\"rate_limited\",\"message\":\"요청 한도를 초과했습니다. 잠시 후 다시 시도해주세요. "
                                + "(남은 요청: 0회)\",\"remaining_requests\":0,\"window_seconds\":60}",
                        RejectionReason.RATE_LIMITED),
                Arguments.of(429, "Too Many Requests", RejectionReason.RATE_LIMITED),
                Arguments.of(
                        403,
                        "{\"error\":\"forbidden\",\"message\":\"본인 계정으로만 예약할 수 있습니다.\"}",
                        RejectionReason.FORBIDDEN),
                Arguments.of(400, "{\"error\":\"user_id와 clinic_id가 필요합니다.\"}", RejectionReason.INVALID_REQUEST),
                Arguments.of(
                        400,
                        "{\"error\":\"invalid_request\",\"message\":\"clinic_id must be an integer\"}",
                        RejectionReason.INVALID_REQUEST),
                Arguments.of(404, "{\"error\":\"유효하지 않은 사용자입니다.\"}", RejectionReason.NOT_FOUND),
                Arguments.of(404, "{\"error\":\"유효하지 않은 클리닉입니다.\"}", RejectionReason.NOT_FOUND),
                Arguments.of(
                        401,
                        "{\"detail\":\"자격 인증데이터(authentication credentials)가 제공되지 않았습니다.\"}",
                        RejectionReason.UNAUTHENTICATED),
                Arguments.of(401, "{\"detail\":\"토큰이 유효하지 않습니다.\"}", RejectionReason.UNAUTHENTICATED),
                Arguments.of(500, "{\"error\":\"클리닉 예약 중 오류가 발생했습니다: injected fault\"}", RejectionReason.SERVER_ERROR),
                Arguments.of(500, "Internal Server Error", RejectionReason.SERVER_ERROR),
                Arguments.of(502, "", RejectionReason.SERVER_ERROR),
                Arguments.of(503, null, RejectionReason.SERVER_ERROR),
                Arguments.of(200, "<html>ok</html>", RejectionReason.UNEXPECTED_ANSWER),
                Arguments.of(200, "", RejectionReason.UNEXPECTED_ANSWER),
                Arguments.of(200, "{\"success\":false}", RejectionReason.UNEXPECTED_ANSWER),
                Arguments.of(200, "[1,2]", RejectionReason.UNEXPECTED_ANSWER),
                Arguments.of(409, "{\"error\":\"conflict\"}", RejectionReason.UNEXPECTED_ANSWER),
                Arguments.of(400, "{\"error\":\"something new\"}", RejectionReason.UNEXPECTED_ANSWER),
                Arguments.of(403, "{\"error\":\"cancellation_disabled\"}", RejectionReason.UNEXPECTED_ANSWER),
                Arguments.of(401, "{\"error\":\"로그인 정보가 올바르지 않습니다.\"}", RejectionReason.UNEXPECTED_ANSWER),
                Arguments.of(404, "{\"error\":\"not found\"}", RejectionReason.UNEXPECTED_ANSWER),
                Arguments.of(302, "", RejectionReason.UNEXPECTED_ANSWER));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @MethodSource("answersOfTheContract")
    void classifiesEveryAnswerOfTheContract(int status, String body, RejectionReason expected) {
        assertThat(ReservationAnswer.classify(status, body).reason()).isEqualTo(expected);
    }

    @Test
    void noAnswerIsANetworkError() {
        ReservationAnswer answer = ReservationAnswer.none(NoAnswer.TIMED_OUT);

        assertThat(answer.reason()).isEqualTo(RejectionReason.NETWORK_ERROR);
        assertThat(answer.reason().technical()).isTrue();
        assertThat(answer.failure()).isEqualTo("기술적 실패 NETWORK_ERROR: 네트워크 오류 (응답 없음), 요청 시간 초과");
    }

    @Test
    void aReservedAnswerIsTheOnlyOneWithoutFailure() {
        ReservationAnswer reserved = ReservationAnswer.classify(200, "{\"success\":true}");

        assertThat(reserved.ok()).isTrue();
        assertThat(reserved.failure()).isNull();
        assertThat(ReservationAnswer.classify(409, "{\"error\":\"occupied\"}").ok())
                .isFalse();
    }

    @Test
    void businessRejectionsAreKoAsCorrectRefusalsWithTheirMeaningSoTheErrorsTableIsTheBreakdown() {
        assertThat(ReservationAnswer.classify(409, "{\"error\":\"occupied\"}").failure())
                .isEqualTo("정상 거절 OCCUPIED: 정원 초과 (정상적인 경합 상황)");
        assertThat(ReservationAnswer.classify(400, "{\"error\":\"이미 해당 클리닉에 예약되어 있습니다.\"}")
                        .failure())
                .isEqualTo("정상 거절 ALREADY_RESERVED: 중복 예약 시도");
    }

    @Test
    void technicalFailuresSayWhatWentWrong() {
        assertThat(ReservationAnswer.classify(500, "").failure())
                .isEqualTo("기술적 실패 SERVER_ERROR: 서버 오류 (5xx), HTTP 500");
        assertThat(ReservationAnswer.classify(200, "<html/>").failure())
                .isEqualTo("기술적 실패 UNEXPECTED_ANSWER: 예상하지 못한 응답, HTTP 200 with a body that is not a JSON object");
        assertThat(ReservationAnswer.classify(400, "{\"error\":\"something new\"}")
                        .failure())
                .isEqualTo("기술적 실패 UNEXPECTED_ANSWER: 예상하지 못한 응답, HTTP 400 with unknown error 'something new'");
    }

    @Test
    void onlyServerErrorsUnexpectedAnswersAndNetworkErrorsAreTechnical() {
        assertThat(Stream.of(RejectionReason.values()).filter(RejectionReason::technical))
                .containsExactly(
                        RejectionReason.SERVER_ERROR, RejectionReason.UNEXPECTED_ANSWER, RejectionReason.NETWORK_ERROR);
    }
}
