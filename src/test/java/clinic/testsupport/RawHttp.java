package clinic.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 exchange over a plain socket to 127.0.0.1, for requests that an HTTP client would not
 * send: broken framing, a body shorter than announced, bytes that are not UTF-8, any header or path.
 * The request should say {@code Connection: close}; the answer is read until the server closes.
 */
public final class RawHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private RawHttp() {}

    /**
     * The server's answer; {@code status} 0 when it closed without one, -1 when none came in time.
     * {@code cutOff}: the server closed the connection before it had read the whole request (then its
     * answer may be lost to the reset of the unread bytes).
     */
    public record Answer(int status, Map<String, String> headers, String body, boolean cutOff) {

        /** A header by case-insensitive name, or "". */
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /**
     * Sends {@code request} as is; with {@code endRequest} the socket's output is then shut down (the
     * client announces it sends nothing more). Waits at most {@code readTimeout} for each read.
     */
    public static Answer exchange(int port, byte[] request, boolean endRequest, Duration readTimeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            boolean cutOff = false;
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                if (endRequest) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // the server answered (413, 431) and closed before it took the whole request
                cutOff = true;
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean timedOut = false;
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(received);
            } catch (SocketTimeoutException e) {
                timedOut = true;
            } catch (IOException e) {
                if (!cutOff) {
                    throw e;
                }
            }
            return parse(received.toByteArray(), timedOut, cutOff);
        } catch (IOException e) {
            throw new IllegalStateException("raw request to 127.0.0.1:" + port + " failed: " + e, e);
        }
    }

    /** A complete request with a UTF-8 body and the given extra header lines (each ending in CRLF). */
    public static byte[] request(String method, String path, String extraHeaders, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extraHeaders
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        if (body == null) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private static Answer parse(byte[] received, boolean timedOut, boolean cutOff) {
        String text = new String(received, StandardCharsets.UTF_8);
        // interim answers (100 Continue) come before the real one
        while (text.startsWith("HTTP/1.1 1") && text.contains("\r\n\r\n")) {
            text = text.substring(text.indexOf("\r\n\r\n") + 4);
        }
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            return new Answer(timedOut ? -1 : 0, Map.of(), text, cutOff);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        return new Answer(status, headers, text.substring(headEnd + 4), cutOff);
    }
}
