package dev.steadfast.impl.keys;

import dev.steadfast.keys.Algorithm;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates key secrets: as many random bytes as the MAC is long, written as base64url so the value pastes safely
 * into properties files and environment variables.
 */
public final class SecretGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretGenerator() {
    }

    /**
     * @param algorithm the algorithm the key is for
     * @return a secret of {@code algorithm.macBits()} random bits (43 characters for HS256)
     */
    public static String generate(Algorithm algorithm) {
        byte[] bytes = new byte[algorithm.macBits() / 8];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
