package clinic.simulation.backend;

import clinic.simulation.backend.PreparedTarget.NotReadyException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the load goes. This machine (127.0.0.0/8, localhost, [::1]) is always allowed; any other host
 * only when the user named it in {@code -DconfirmTarget}, because a load test against production is the
 * one thing the original tool warns never to do. Checked before anything is sent.
 *
 * @param addresses what the host resolved to (empty for this machine: nothing to resolve)
 */
public record TargetHost(String host, boolean thisMachine, List<InetAddress> addresses) {

    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /**
     * The target of {@code baseUrl}, confirmed: throws {@link NotReadyException} with one line when the
     * host is not this machine and {@code confirmTarget} does not name it, or when it does not resolve.
     */
    public static TargetHost confirm(String baseUrl, String confirmTarget) {
        String host = URI.create(baseUrl).getHost();
        if (isThisMachine(host)) {
            return new TargetHost(host, true, List.of());
        }
        String bare = bare(host);
        if (confirmTarget == null) {
            throw new NotReadyException("❌ 대상 " + bare + " 은(는) 이 컴퓨터가 아닙니다: 운영(production) 서버에는 절대 "
                    + "부하 테스트를 실행하지 마세요. 테스트/스테이징 서버가 맞다면 -DconfirmTarget=" + bare
                    + " 를 붙여 다시 실행하세요.");
        }
        if (!bare.equalsIgnoreCase(bare(confirmTarget))) {
            throw new NotReadyException("❌ -DconfirmTarget=" + confirmTarget + " 이(가) 대상 호스트 " + bare
                    + " 와(과) 다릅니다: 부하를 보낼 호스트 이름을 그대로 적으세요 (-DconfirmTarget=" + bare + ").");
        }
        try {
            return new TargetHost(bare, false, Arrays.asList(InetAddress.getAllByName(bare)));
        } catch (UnknownHostException e) {
            throw new NotReadyException("❌ 대상 호스트 " + bare + " 을(를) 찾을 수 없습니다 (DNS): -DbaseUrl 을 확인하세요.", e);
        }
    }

    /** The literal names of this machine; a name that merely resolves to it still needs confirming. */
    static boolean isThisMachine(String host) {
        String bare = bare(host).toLowerCase(Locale.ROOT);
        return bare.equals("localhost")
                || bare.equals("::1")
                || bare.equals("0:0:0:0:0:0:0:1")
                || LOOPBACK_IPV4.matcher(bare).matches();
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The console line for a confirmed remote target. */
    public String describe() {
        return host + " ("
                + String.join(
                        ", ",
                        addresses.stream().map(InetAddress::getHostAddress).toList()) + ")";
    }
}
