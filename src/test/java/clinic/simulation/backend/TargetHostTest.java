package clinic.simulation.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.options.RunOptions;
import clinic.simulation.scenario.StudentAccount;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard before any load: a host that is not literally this machine needs -DconfirmTarget. Tested
 * with a name that resolves to loopback, so that even a guard that let it through would load nothing
 * but this machine.
 */
class TargetHostTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://127.0.0.1:8000/api",
                "http://127.4.5.6/api",
                "http://localhost:8000/api",
                "http://LOCALHOST/api",
                "http://[::1]:8000/api"
            })
    void thisMachineNeedsNoConfirmation(String baseUrl) {
        assertThat(TargetHost.confirm(baseUrl, null).thisMachine()).isTrue();
    }

    @Test
    void anotherHostWithoutConfirmationStopsTheRunBeforeAnyConnection() throws Exception {
        String name = nameResolvingToLoopback();
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            listener.configureBlocking(false);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            RunOptions options = RunOptions.parse(Map.of("baseUrl", "http://" + name + ":" + port + "/api"));

            assertThatThrownBy(() -> PreparedTarget.prepare(options, StudentAccount.load(1)))
                    .isInstanceOf(NotReadyException.class)
                    .hasMessage("❌ 대상 " + name + " 은(는) 이 컴퓨터가 아닙니다: 운영(production) 서버에는 절대 부하 "
                            + "테스트를 실행하지 마세요. 테스트/스테이징 서버가 맞다면 -DconfirmTarget=" + name
                            + " 를 붙여 다시 실행하세요.");
            // a connection attempt would sit completed in the listen queue by now: there is none
            assertThat(listener.accept()).isNull();
        }
    }

    @Test
    void aConfirmedHostIsResolvedAndNothingElse() throws Exception {
        String name = nameResolvingToLoopback();

        TargetHost host = TargetHost.confirm("https://" + name + ":8443/api", name.toUpperCase());

        assertThat(host.thisMachine()).isFalse();
        assertThat(host.host()).isEqualTo(name);
        assertThat(host.addresses()).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        assertThat(host.describe()).startsWith(name + " (127.");
    }

    @Test
    void aConfirmationOfAnotherHostIsRefused() {
        assertThatThrownBy(() -> TargetHost.confirm("http://staging.academy.kr/api", "staging2.academy.kr"))
                .isInstanceOf(NotReadyException.class)
                .hasMessage("❌ -DconfirmTarget=staging2.academy.kr 이(가) 대상 호스트 staging.academy.kr 와(과) "
                        + "다릅니다: 부하를 보낼 호스트 이름을 그대로 적으세요 (-DconfirmTarget=staging.academy.kr).");
    }

    /** A name of this machine that is not one of the literal loopback names (here: its host name). */
    private static String nameResolvingToLoopback() throws UnknownHostException {
        String hostName = InetAddress.getLocalHost().getHostName();
        String found = Stream.of(hostName, "localhost.localdomain", "ip6-localhost")
                .filter(name -> !TargetHost.isThisMachine(name) && resolvesToLoopbackOnly(name))
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(found != null, "no name of this machine resolves to loopback only (/etc/hosts)");
        return found;
    }

    private static boolean resolvesToLoopbackOnly(String name) {
        try {
            return Arrays.stream(InetAddress.getAllByName(name)).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
