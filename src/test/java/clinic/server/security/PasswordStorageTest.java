package clinic.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.server.ReferenceServer;
import clinic.testsupport.ApiClient;
import clinic.testsupport.ClinicDatabase;
import clinic.testsupport.ServerTestBase;
import clinic.testsupport.TestDatabase;
import clinic.testsupport.TestServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Passwords are stored only as salted PBKDF2-HMAC-SHA256 hashes in Django's format, checked here by an
 * independent PBKDF2 computation, with a configurable iteration count that never locks out older hashes.
 */
class PasswordStorageTest extends ServerTestBase {

    private static final String HASH_FORMAT = "pbkdf2_sha256\\$(\\d+)\\$([^$]{16,})\\$([A-Za-z0-9+/=]{44})";
    private static final String KOREAN_PASSWORD = "보충수업비밀번호2024";

    @Test
    void noColumnOfTheUserRowHoldsTheClearPassword() {
        String username = uniqueUsername("clear");
        api().register(username, KOREAN_PASSWORD, "김비번");
        Map<String, Object> row = sql().userRow(username);
        assertThat(row.values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(KOREAN_PASSWORD));
    }

    @Test
    void hashIsDjangoPbkdf2WithTheConfiguredIterationsAndVerifiesIndependently() {
        String username = uniqueUsername("hash");
        api().register(username, KOREAN_PASSWORD, "김비번");
        String stored = sql().passwordHash(username);
        assertThat(stored).matches(HASH_FORMAT);
        String[] parts = stored.split("\\$");
        assertThat(Integer.parseInt(parts[1])).isEqualTo(TestServer.TEST_PASSWORD_ITERATIONS);
        assertThat(parts[3]).isEqualTo(pbkdf2Sha256(KOREAN_PASSWORD, parts[2], Integer.parseInt(parts[1])));
        assertThat(parts[3]).isNotEqualTo(pbkdf2Sha256(KOREAN_PASSWORD + "x", parts[2], Integer.parseInt(parts[1])));
    }

    @Test
    void samePasswordGetsADifferentSaltPerUser() {
        String first = uniqueUsername("salt");
        String second = uniqueUsername("salt");
        api().register(first, KOREAN_PASSWORD, "김비번");
        api().register(second, KOREAN_PASSWORD, "이비번");
        assertThat(sql().passwordHash(first).split("\\$")[2])
                .isNotEqualTo(sql().passwordHash(second).split("\\$")[2]);
    }

    @Test
    void aWrongPasswordFailsAndTheRightOneWorks() {
        String username = uniqueUsername("verify");
        api().register(username, KOREAN_PASSWORD, "김비번");
        assertThat(loginStatus(api(), username, KOREAN_PASSWORD.substring(1))).isEqualTo(401);
        assertThat(loginStatus(api(), username, KOREAN_PASSWORD + " ")).isEqualTo(401);
        assertThat(loginStatus(api(), username, KOREAN_PASSWORD)).isEqualTo(200);
    }

    /** Two servers on one database, each hashing with its own count, each verifying the other's hashes. */
    @Test
    void iterationsAreConfigurableAndOlderHashesStillVerify() {
        try (TestDatabase shared = TestDatabase.createShared(databaseKind());
                ReferenceServer weaker = ReferenceServer.start(TestServer.baseConfig(shared));
                ReferenceServer stronger =
                        ReferenceServer.start(TestServer.baseConfig(shared).withPasswordIterations(1500))) {
            ApiClient weakerApi = new ApiClient(weaker.baseUrl());
            ApiClient strongerApi = new ApiClient(stronger.baseUrl());
            ClinicDatabase sharedSql = new ClinicDatabase(weaker.dataSource());
            String older = uniqueUsername("older");
            String newer = uniqueUsername("newer");
            weakerApi.register(older, KOREAN_PASSWORD, "김비번");
            strongerApi.register(newer, KOREAN_PASSWORD, "이비번");
            assertThat(sharedSql.passwordHash(older)).startsWith("pbkdf2_sha256$1000$");
            assertThat(sharedSql.passwordHash(newer)).startsWith("pbkdf2_sha256$1500$");
            assertThat(loginStatus(strongerApi, older, KOREAN_PASSWORD)).isEqualTo(200);
            assertThat(loginStatus(weakerApi, newer, KOREAN_PASSWORD)).isEqualTo(200);
            weakerApi.assertNoLeaks();
            strongerApi.assertNoLeaks();
        }
    }

    private static int loginStatus(ApiClient api, String username, String password) {
        return api.loginAnswer(username, password).status();
    }

    /**
     * PBKDF2 (RFC 8018) with HMAC-SHA256 and one 32-byte block, written out here rather than taken from
     * the JCE's PBKDF2 so that the check does not share code with the server; salt and password as UTF-8
     * like Django.
     */
    private static String pbkdf2Sha256(String password, String salt, int iterations) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            hmac.update(salt.getBytes(StandardCharsets.UTF_8));
            byte[] block = hmac.doFinal(ByteBuffer.allocate(4).putInt(1).array());
            byte[] result = block.clone();
            for (int i = 1; i < iterations; i++) {
                block = hmac.doFinal(block);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= block[j];
                }
            }
            return Base64.getEncoder().encodeToString(result);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
