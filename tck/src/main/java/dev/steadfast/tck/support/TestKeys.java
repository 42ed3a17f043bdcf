package dev.steadfast.tck.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh secrets: unique per run, so an assertion that a secret never appears in a log cannot be satisfied by an
 * earlier run, and strong enough (256 random bits, as keygen prints) for every policy.
 */
public final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** @return a new 256-bit base64url secret */
    public static String secret() {
        return secret(32);
    }

    /** @return a new base64url secret of {@code bytes} random bytes */
    public static String secret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * @param idsAndSecrets key id, secret, key id, secret... in {@code steadfast.keys} order (first signs)
     * @return the configuration of that key ring, with a non-Secure cookie because the kit talks plain HTTP
     */
    public static Map<String, String> ring(String... idsAndSecrets) {
        Map<String, String> config = new LinkedHashMap<>();
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < idsAndSecrets.length; i += 2) {
            ids.append(i == 0 ? "" : ",").append(idsAndSecrets[i]);
            config.put("steadfast.key." + idsAndSecrets[i] + ".secret", idsAndSecrets[i + 1]);
        }
        config.put("steadfast.keys", ids.toString());
        config.put("steadfast.session.cookie.secure", "false");
        return config;
    }
}
