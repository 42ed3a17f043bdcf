package dev.steadfast.impl.policy;

import dev.steadfast.Mode;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.PolicyContext;
import dev.steadfast.policy.SecretCandidate;

import dev.steadfast.testsupport.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Shared candidates, contexts and simulated key generators for the policy tests. */
final class PolicyFixtures {

    static final String PROPERTY = "jwt.secret";
    static final String SOURCE = "EnvConfigSource, ordinal 300";
    static final String HOST = "orders.acme-corp.internal";
    static final Set<String> PUBLIC_INPUTS = Set.of(HOST, "Orders", "/orders");
    static final PolicyContext PRODUCTION = new PolicyContext(Mode.PRODUCTION, PUBLIC_INPUTS);
    static final PolicyContext DEVELOPMENT = new PolicyContext(Mode.DEVELOPMENT, PUBLIC_INPUTS);

    /** One instance for the whole suite, as the provider would share it. */
    static final DefaultSecretPolicy POLICY = new DefaultSecretPolicy();

    private static final SecureRandom RANDOM = new SecureRandom();

    private PolicyFixtures() {
    }

    static SecretCandidate candidate(String property, String value, int requiredBits) {
        return new SecretCandidate(property, SOURCE, Optional.of(SecretBytes.fromUtf8(value)), requiredBits);
    }

    static SecretCandidate candidate(String value) {
        return candidate(PROPERTY, value, 256);
    }

    static SecretCandidate missing(String property) {
        return new SecretCandidate(property, "not set", Optional.empty(), 256);
    }

    static List<Finding> evaluate(String value) {
        return POLICY.evaluate(List.of(candidate(value)), PRODUCTION);
    }

    static List<Finding> evaluate(String value, int requiredBits) {
        return POLICY.evaluate(List.of(candidate(PROPERTY, value, requiredBits)), PRODUCTION);
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code openssl rand -hex n} and Python's {@code secrets.token_hex(n)}: lower-case hex. */
    static String hex(int n) {
        return registered(HexFormat.of().formatHex(randomBytes(n)));
    }

    /** Python's {@code secrets.token_urlsafe(n)}: base64url without padding. */
    static String tokenUrlsafe(int n) {
        return registered(Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(n)));
    }

    /** Generated secrets long enough to be unmistakable are watched by the leak guard. */
    private static String registered(String secret) {
        return secret.length() >= Secrets.MIN_LENGTH ? Secrets.register(secret) : secret;
    }

    static byte[] digest(String algorithm, String input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
