package dev.steadfast.impl.policy;

import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Base64;
import java.util.List;

import static dev.steadfast.impl.policy.PolicyFixtures.evaluate;
import static dev.steadfast.impl.policy.PolicyFixtures.hex;
import static dev.steadfast.impl.policy.PolicyFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StrengthRuleTest {

    @Test
    void shouldRefuse_whenTooWeak() {
        List<Finding> findings = evaluate(hex(16));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.TOO_WEAK);
            assertThat(f.message()).isEqualTo("STEADFAST-1101: jwt.secret (EnvConfigSource, ordinal 300) is too weak:"
                    + " about 128 bits of estimated strength, 256 required. Fix: use a random value of at least 256"
                    + " bits, e.g. the output of `openssl rand -hex 32` or `java -jar steadfast-impl-cli.jar keygen`");
        });
    }

    @Test
    void shouldAccept_whenHexReachesRequiredBitsExactly() {
        assertThat(evaluate(hex(32))).isEmpty();
    }

    @Test
    void shouldSuggestBytesOfRequiredBits_whenTooWeakForHs512() {
        assertThat(evaluate(hex(32), 512)).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo("is too weak: about 256 bits of estimated strength, 512 required");
            assertThat(f.fix()).contains("`openssl rand -hex 64`");
        });
    }

    @Test
    void shouldRoundUpToWholeBytes_whenRequiredBitsAreNotAMultipleOfEight() {
        assertThat(PolicyMessages.openssl(100)).isEqualTo("`openssl rand -hex 13`");
    }

    @Test
    void shouldRefuse_whenBase64PaddingWouldMakeUpTheDifference() {
        // 42 symbols are 252 bits; the two padding characters carry none.
        String value = Base64.getEncoder().encodeToString(randomBytes(31)).substring(0, 42) + "==";

        assertThat(evaluate(value)).singleElement().satisfies(f -> assertThat(f.problem())
                .isEqualTo("is too weak: about 252 bits of estimated strength, 256 required"));
    }

    @ParameterizedTest(name = "{0}: {1} characters -> {2} bits")
    @CsvSource({
            "DIGITS, 0123456789, 33.22",
            "HEX_LOWER, 0123456789abcdef, 64",
            "HEX_UPPER, 0123456789ABCDEF, 64",
            "BASE32_UPPER, ABCDEFGHIJKLMNOPQRSTUVWXYZ234567, 160",
            "BASE32_LOWER, abcdefghijklmnopqrstuvwxyz234567, 160",
            "BASE64, ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/, 384",
            "BASE64URL, ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_, 384",
            "OTHER, 'pass phrase!', 70.59",
    })
    void shouldEstimateBitsFromSmallestAlphabet_whenClassifying(Alphabet alphabet, String value, double bits) {
        ClassifiedValue classified = ClassifiedValue.of(value);

        assertThat(classified.alphabet()).isEqualTo(alphabet);
        assertThat(classified.estimatedBits()).isCloseTo(bits, within(0.01));
    }

    @Test
    void shouldIgnoreLineBreaks_whenBase64IsWrappedAt64Columns() {
        String encoded = Base64.getEncoder().encodeToString(randomBytes(64));
        String wrapped = encoded.substring(0, 64) + "\n" + encoded.substring(64);

        ClassifiedValue classified = ClassifiedValue.of(wrapped);

        assertThat(classified.alphabet()).isEqualTo(Alphabet.BASE64);
        assertThat(classified.estimatedBits()).isEqualTo(86 * 6.0);
    }

    @Test
    void shouldCreditTheCharacterClassesPresent_whenOutsideStandardAlphabets() {
        // Lower and upper case, punctuation and beyond ASCII: 26 + 26 + 33 + 100 symbols, 7.53 bits each.
        assertThat(ClassifiedValue.of("Grüße, Welt!").estimatedBits()).isCloseTo(12 * 7.531, within(0.01));
        // Forty visible ASCII characters of all four classes: 95 symbols, 6.57 bits each, 262.8 in all.
        assertThat(ClassifiedValue.of("kP9#xL2$mQ7!vR4@nT8%wY3^zB6&cF1*hJ5dQ2@x").estimatedBits())
                .isCloseTo(262.79, within(0.01));
    }

    @Test
    void shouldIgnoreGroupSeparators_whenValueIsHexInGroups() {
        ClassifiedValue uuid = ClassifiedValue.of("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

        assertThat(uuid.alphabet()).isEqualTo(Alphabet.HEX_LOWER);
        assertThat(uuid.estimatedBits()).isEqualTo(128.0);
    }
}
