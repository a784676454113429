package clinic.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** One HTTP answer of the server: status, raw body and its Content-Type. */
public record ApiResponse(String request, int status, String body, String contentType) {

    /** The body parsed as JSON; fails the test when it is not JSON. */
    public JsonNode json() {
        return Json.parse(body);
    }

    /** Asserts the status, showing the request and body when it differs; returns the parsed body. */
    public JsonNode expect(int expectedStatus) {
        assertThat(status).as("status of %s, body %s", request, body).isEqualTo(expectedStatus);
        return json();
    }

    /** Asserts status and the whole JSON body. */
    public void expect(int expectedStatus, JsonNode expectedBody) {
        assertThat(expect(expectedStatus)).as("body of %s", request).isEqualTo(expectedBody);
    }
}
