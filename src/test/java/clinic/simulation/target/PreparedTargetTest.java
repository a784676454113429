package clinic.simulation.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class PreparedTargetTest {

    @Test
    void aConnectExceptionWithoutMessageIsSpelledOut() {
        IOException failure = new IOException(null, new ConnectException());

        assertThat(PreparedTarget.cause(failure))
                .isEqualTo("ConnectException: connection refused (nothing listens on that host and port)");
    }

    @Test
    void theFirstMessageOfTheCauseChainIsKept() {
        IOException failure = new IOException(null, new ConnectException("Connection refused"));

        assertThat(PreparedTarget.cause(failure)).isEqualTo("ConnectException: Connection refused");
    }
}
