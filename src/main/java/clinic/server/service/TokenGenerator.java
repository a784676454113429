package clinic.server.service;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Login tokens: 40 lowercase hex characters (160 random bits), like Django REST framework's keys. */
public final class TokenGenerator {

    private static final Pattern TOKEN_FORMAT = Pattern.compile("[0-9a-f]{40}");
    private static final int TOKEN_BYTES = 20;

    private final SecureRandom random = new SecureRandom();

    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Whether a string can be a token at all: anything else is rejected without a database look-up. */
    public static boolean isWellFormed(String token) {
        return TOKEN_FORMAT.matcher(token).matches();
    }
}
