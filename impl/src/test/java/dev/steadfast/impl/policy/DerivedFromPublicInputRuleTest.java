package dev.steadfast.impl.policy;

import dev.steadfast.policy.Rule;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import static dev.steadfast.impl.policy.PolicyFixtures.HOST;
import static dev.steadfast.impl.policy.PolicyFixtures.digest;
import static dev.steadfast.impl.policy.PolicyFixtures.evaluate;
import static dev.steadfast.impl.policy.PolicyFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

class DerivedFromPublicInputRuleTest {

    @Test
    void shouldRefuse_whenHashOfPublicInput() {
        String value = HexFormat.of().formatHex(digest("SHA-256", HOST));

        assertThat(evaluate(value)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.DERIVED_FROM_PUBLIC_INPUT);
            assertThat(f.message()).isEqualTo("STEADFAST-1105: jwt.secret (EnvConfigSource, ordinal 300) is the"
                    + " SHA-256 hash of a public input of this deployment, such as the host or application name, so"
                    + " anyone can compute it. Fix: use a random value of at least 256 bits that has nothing to do"
                    + " with the deployment, e.g. the output of `openssl rand -hex 32` or"
                    + " `java -jar steadfast-impl-cli.jar keygen`");
        });
    }

    @Test
    void shouldRefuse_whenValueIsPublicInput() {
        assertThat(evaluate(HOST.toUpperCase(Locale.ROOT))).singleElement().satisfies(f -> assertThat(f.problem())
                .isEqualTo("equals a public input of this deployment, such as the host or application name, so anyone"
                        + " can guess it"));
    }

    @Test
    void shouldRefuse_whenHexPrefixOfDigest() {
        String value = HexFormat.of().formatHex(digest("SHA-256", HOST)).substring(0, 32);

        assertThat(evaluate(value)).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.DERIVED_FROM_PUBLIC_INPUT));
    }

    @Test
    void shouldRefuse_whenUpperCaseHexOfMd5() {
        String value = HexFormat.of().withUpperCase().formatHex(digest("MD5", HOST));

        assertThat(evaluate(value)).singleElement()
                .satisfies(f -> assertThat(f.problem()).startsWith("is the MD5 hash of a public input"));
    }

    @Test
    void shouldRefuse_whenDigestOfLowerCaseFormOfInput() {
        // The fixture lists "Orders"; applications often hash the lower-cased name.
        String value = HexFormat.of().formatHex(digest("SHA-1", "orders"));

        assertThat(evaluate(value)).singleElement()
                .satisfies(f -> assertThat(f.problem()).startsWith("is the SHA-1 hash of a public input"));
    }

    @Test
    void shouldRefuse_whenBase64OfSha512() {
        String value = Base64.getEncoder().encodeToString(digest("SHA-512", HOST));

        assertThat(evaluate(value)).singleElement()
                .satisfies(f -> assertThat(f.problem()).startsWith("is the SHA-512 hash of a public input"));
    }

    @Test
    void shouldRefuse_whenBase64urlOfSha256() {
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(digest("SHA-256", "/orders"));

        assertThat(evaluate(value)).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.DERIVED_FROM_PUBLIC_INPUT));
    }

    @Test
    void shouldNotReportDerivation_whenHexPrefixShorterThanSixteen() {
        String value = HexFormat.of().formatHex(digest("SHA-256", HOST)).substring(0, 15);

        assertThat(evaluate(value, 64)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.TOO_WEAK));
    }

    @Test
    void shouldAccept_whenUnrelatedToPublicInputs() {
        assertThat(evaluate(hex(32))).isEmpty();
    }
}
