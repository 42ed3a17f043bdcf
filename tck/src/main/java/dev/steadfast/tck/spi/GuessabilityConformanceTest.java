package dev.steadfast.tck.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.Mode;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.PolicyContext;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;
import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastSpiTest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Strength is what a value costs to guess, not how many characters it has: digests of common words, sentences,
 * keyboard walks and the encodings of text are refused however long they are, and random secrets are accepted
 * whatever characters their generator uses (spec POLICY-12 to POLICY-15).
 */
@SteadfastSpiTest
class GuessabilityConformanceTest {

    private static final String SOURCE = "from TckSource, ordinal 400";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Generated secrets per generator: enough to catch a rule that refuses a class of characters. */
    private static final int SAMPLES = 200;

    private static List<Finding> judge(String value, int requiredBits) {
        SecretCandidate candidate = new SecretCandidate("app.secret", SOURCE,
                Optional.of(SecretBytes.fromUtf8(value)), requiredBits);
        return ProviderUnderTest.get().secretPolicy()
                .evaluate(List.of(candidate), new PolicyContext(Mode.PRODUCTION, Set.of("tck.example")));
    }

    private static void assertRefusedAsTooWeak(String value, int requiredBits) {
        assertRefused(value, requiredBits, Rule.TOO_WEAK);
    }

    private static void assertRefused(String value, int requiredBits, Rule... rules) {
        List<Finding> findings = judge(value, requiredBits);
        assertThat(findings).as("findings for a guessable value of %d characters", value.length()).hasSize(1);
        assertThat(findings.get(0).rule()).isIn((Object[]) rules);
        assertThat(findings.get(0).message()).doesNotContain(value);
    }

    private static String digest(String algorithm, String input) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Clause("POLICY-12")
    void digestsOfCommonWords_areRefusedInHexAndBase64() {
        for (String word : List.of("secret", "password", "changeme")) {
            assertRefusedAsTooWeak(digest("SHA-256", word), 256);
            assertRefusedAsTooWeak(digest("SHA-256", word).toUpperCase(Locale.ROOT), 256);
            assertRefusedAsTooWeak(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(digest("SHA-256", word))),
                    256);
        }
        assertRefusedAsTooWeak(digest("SHA-512", "password"), 512);
        // What `echo password | sha256sum` prints: the newline is hashed too.
        assertRefusedAsTooWeak(digest("SHA-256", "password\n"), 256);
    }

    @Test
    @Clause("POLICY-13")
    void humanMadeText_isRefusedHoweverLong() {
        for (String text : List.of(
                "ThisIsTheSessionSigningKeyForOurApplicationInProductionUse2024",
                "my super secret key for signing the session cookies of this application",
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt",
                "qwertyuiopasdfghjklzxcvbnm1234567890qwertyuiopasdfghjklzxcvbnm",
                "Password1!Password2!Password3!Password4!Password5!Password6!",
                "Th1s1sTh3S3ss10nS1gn1ngK3yF0rOurApp1icat10nInPr0duct10n")) {
            // A run, repeated block or sequence inside may be named as such instead (POLICY-9).
            assertRefused(text, 256, Rule.TOO_WEAK, Rule.LOW_DIVERSITY);
        }
    }

    @Test
    @Clause("POLICY-14")
    void encodingsOfText_areJudgedAsTheText() {
        byte[] sentence = "this is the secret key that signs the session cookies of our shop"
                .getBytes(StandardCharsets.UTF_8);

        assertRefusedAsTooWeak(HexFormat.of().formatHex(sentence), 256);
        assertRefusedAsTooWeak(Base64.getEncoder().encodeToString(sentence), 256);
        assertRefusedAsTooWeak(Base64.getUrlEncoder().withoutPadding().encodeToString(sentence), 256);
    }

    @Test
    @Clause("POLICY-15")
    void randomSecretsWithSymbols_areAccepted() {
        String printable = visibleAscii();
        String django = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            for (String value : List.of(pick(printable, 40), pick(printable, 50), pick(printable, 64),
                    pick(django, 50), pick("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*", 45),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32)),
                    HexFormat.of().formatHex(bytes(32)))) {
                for (Finding finding : judge(value, 256)) {
                    refused.add(finding.rule() + " for a value of " + value.length() + " characters");
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    private static String visibleAscii() {
        StringBuilder visible = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            visible.append(c);
        }
        return visible.toString();
    }

    private static String pick(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
