package dev.steadfast.impl.it.support;

import dev.steadfast.testsupport.Secrets;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh secrets for in-container tests: unique per run, so a log assertion that a secret never appears cannot be
 * fooled by an earlier run, and strong enough to pass the production policy.
 */
public final class TestKeys {

    // Not impl's SecretGenerator: impl's classes stay off the integration-test class path (see impl/pom.xml).
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** @return a new 256-bit base64url secret, as keygen prints */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Secrets.register(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * @param idsAndSecrets key id, secret, key id, secret... in {@code steadfast.keys} order (first signs)
     * @return the configuration entries for that key ring
     */
    public static Map<String, String> ring(String... idsAndSecrets) {
        Map<String, String> config = new LinkedHashMap<>();
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < idsAndSecrets.length; i += 2) {
            ids.append(i == 0 ? "" : ",").append(idsAndSecrets[i]);
            config.put("steadfast.key." + idsAndSecrets[i] + ".secret", idsAndSecrets[i + 1]);
        }
        config.put("steadfast.keys", ids.toString());
        // Tests talk plain HTTP.
        config.put("steadfast.session.cookie.secure", "false");
        return config;
    }
}
