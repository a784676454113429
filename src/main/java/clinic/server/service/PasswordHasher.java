package clinic.server.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in Django's format {@code pbkdf2_sha256$<iterations>$<salt>$<hash>}.
 * A hash is verified with the iteration count stored in it, so lowering the configured count (tests)
 * never locks out accounts hashed with a higher one.
 */
public final class PasswordHasher {

    private static final String ALGORITHM = "pbkdf2_sha256";
    private static final int KEY_BITS = 256;
    /** 22 characters of a 62-letter alphabet: about 131 bits of salt, as Django generates. */
    private static final int SALT_LENGTH = 22;

    private static final String SALT_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** About 16 times Django's default: beyond it one hash takes many seconds, a login a hang. */
    public static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "password iterations must be between 1 and " + MAX_ITERATIONS + ", got " + iterations);
        }
        this.iterations = iterations;
    }

    public String hash(String password) {
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_ALPHABET.charAt(random.nextInt(SALT_ALPHABET.length())));
        }
        return encode(password, salt.toString(), iterations);
    }

    /** False for a wrong password and for a stored value that is not a hash of this format. */
    public boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            return false;
        }
        int storedIterations;
        try {
            storedIterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (storedIterations < 1) {
            return false;
        }
        byte[] expected = stored.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = encode(password, parts[2], storedIterations).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static String encode(String password, String salt, int iterations) {
        PBEKeySpec spec =
                new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, KEY_BITS);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            return ALGORITHM + "$" + iterations + "$" + salt + "$"
                    + Base64.getEncoder().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
