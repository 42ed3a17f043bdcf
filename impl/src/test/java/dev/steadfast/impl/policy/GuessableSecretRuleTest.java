package dev.steadfast.impl.policy;

import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static dev.steadfast.impl.policy.PolicyFixtures.digest;
import static dev.steadfast.impl.policy.PolicyFixtures.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values a real team might choose that look strong by their characters and are cheap to guess (issue #13's review
 * forged a session with the first of them): each is refused as too weak, the finding says which kind of weakness,
 * and never the value.
 */
class GuessableSecretRuleTest {

    private static final String SENTENCE = "this is the secret key that signs the session cookies of our shop";

    static Stream<Arguments> guessable() {
        byte[] sha256OfSecret = digest("SHA-256", "secret");
        return Stream.of(
                Arguments.of("sha256(secret) hex", hex(sha256OfSecret), 256, "SHA-256 digest of a common"),
                Arguments.of("sha256(password) hex", hex(digest("SHA-256", "password")), 256, "SHA-256 digest"),
                Arguments.of("sha256(changeme) HEX", hex(digest("SHA-256", "changeme")).toUpperCase(Locale.ROOT), 256,
                        "SHA-256 digest"),
                Arguments.of("sha512(password) hex at 512", hex(digest("SHA-512", "password")), 512, "SHA-512 digest"),
                Arguments.of("sha256(secret) base64", Base64.getEncoder().encodeToString(sha256OfSecret), 256,
                        "base64 of a SHA-256 digest"),
                Arguments.of("sha256(secret) base64url", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(sha256OfSecret), 256, "base64url of a SHA-256 digest"),
                Arguments.of("echo password | sha256sum", hex(digest("SHA-256", "password\n")), 256, "SHA-256 digest"),
                Arguments.of("sha256(Password) cut to 32 hex", hex(digest("SHA-256", "Password")).substring(0, 32),
                        128, "SHA-256 digest"),
                Arguments.of("md5(password) hex", hex(digest("MD5", "password")), 128, "MD5 digest"),
                Arguments.of("sha1(admin) hex", hex(digest("SHA-1", "admin")), 160, "SHA-1 digest"),
                Arguments.of("CamelCase sentence", "ThisIsTheSessionSigningKeyForOurApplicationInProductionUse2024",
                        256, "it reads as"),
                Arguments.of("English phrase", "my super secret key for signing the session cookies of this app",
                        256, "it reads as"),
                Arguments.of("lorem ipsum", "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod"
                        + " tempor incididunt", 256, "lorem ipsum"),
                Arguments.of("keyboard walk", "qwertyuiopasdfghjklzxcvbnmqazwsxedcrfvtgbyhnujmikolpmnbvcxz", 256,
                        "it reads as"),
                Arguments.of("repeated password", "Password1!Password2!Password3!Password4!Password5!Password6!", 256,
                        "it reads as"),
                Arguments.of("look-alike spelling", "Th1s1sTh3S3ss10nS1gn1ngK3yF0rOurApp1icat10nInPr0duct10n", 256,
                        "look-alike"),
                Arguments.of("hex of a phrase", hex(SENTENCE.getBytes(StandardCharsets.UTF_8)), 256,
                        "it is the hex of text where it reads as"),
                Arguments.of("base64 of a phrase", Base64.getEncoder().encodeToString(
                        SENTENCE.getBytes(StandardCharsets.UTF_8)), 256, "it is the base64 of text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guessable")
    void shouldRefuseAsTooWeakNamingTheKind_whenValueIsGuessable(String kind, String value, int bits,
                                                                  String explanation) {
        List<Finding> findings = evaluate(value, bits);

        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.TOO_WEAK);
        assertThat(findings.get(0).problem()).startsWith("is too weak: ").contains(explanation);
        assertThat(findings.get(0).message()).doesNotContain(value);
    }

    @Test
    void shouldRefuse_whenValueIsTheHexOfRandomPrintableText() {
        // As the JJWT tutorials' keys are: 64 hex digits spelling 32 characters of an online key generator.
        String printable = randomPrintable(32);

        List<Finding> findings = evaluate(hex(printable.getBytes(StandardCharsets.US_ASCII)), 256);

        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.TOO_WEAK);
        assertThat(findings.get(0).problem()).contains("it is the hex of printable text");
    }

    @Test
    void shouldAccept_whenLongRandomValueContainsAWord() {
        // A word inside 60 random characters costs the attacker little less than 60 random characters.
        String value = randomPrintable(30) + "password" + randomPrintable(30);

        assertThat(evaluate(value, 256)).isEmpty();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String randomPrintable(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('!' + random.nextInt(94)));
        }
        return out.toString();
    }
}
