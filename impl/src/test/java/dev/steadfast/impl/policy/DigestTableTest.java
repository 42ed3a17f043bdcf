package dev.steadfast.impl.policy;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Arrays;

import static dev.steadfast.impl.policy.PolicyFixtures.digest;
import static org.assertj.core.api.Assertions.assertThat;

class DigestTableTest {

    private final DigestTable table = DigestTable.bundled();

    @Test
    void shouldNameTheAlgorithm_whenBytesAreTheDigestOfACommonWord() {
        assertThat(table.digestAlgorithm(digest("MD5", "password"))).contains("MD5");
        assertThat(table.digestAlgorithm(digest("SHA-1", "letmein"))).contains("SHA-1");
        assertThat(table.digestAlgorithm(digest("SHA-256", "Secret"))).contains("SHA-256");
        assertThat(table.digestAlgorithm(digest("SHA-384", "changeme\n"))).contains("SHA-384");
        assertThat(table.digestAlgorithm(digest("SHA-512", "jwt"))).contains("SHA-512");
        // Publicly known secrets written as text are inputs too.
        assertThat(table.digestAlgorithm(digest("SHA-256", "keyboard cat"))).contains("SHA-256");
    }

    @Test
    void shouldRecognise_whenDigestIsCutShort() {
        assertThat(table.digestAlgorithm(Arrays.copyOf(digest("SHA-512", "password"), 32))).contains("SHA-512");
    }

    @Test
    void shouldNotRecognise_whenBytesAreRandomOrTooShort() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            assertThat(table.digestAlgorithm(key)).isEmpty();
        }
        assertThat(table.digestAlgorithm(Arrays.copyOf(digest("SHA-256", "password"), 15))).isEmpty();
    }

    @Test
    void shouldNotRecognise_whenWordIsNotAGuessableInput() {
        assertThat(table.digestAlgorithm(digest("SHA-256", "a phrase no list holds: 7f3e9c1d"))).isEmpty();
    }
}
