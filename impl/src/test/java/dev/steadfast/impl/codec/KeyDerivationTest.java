package dev.steadfast.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

import dev.steadfast.keys.SecretBytes;
import dev.steadfast.tck.support.Jwe;

/**
 * The derivation is HKDF-SHA-256 as RFC 5869 defines it, with exactly the salt, label and audience its javadoc
 * (and docs/spec.md ENC-4) documents: checked against the RFC's vectors, against the kit's independent HKDF on the
 * JDK's HMAC, and against a key computed outside Java (Python's hmac and hashlib), pinned here.
 */
class KeyDerivationTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdf_matchesRfc5869TestCases() {
        byte[] ikm = HEX.parseHex("0b".repeat(22));

        // A.1: basic test case with SHA-256.
        assertThat(HEX.formatHex(KeyDerivation.hkdfSha256(HEX.parseHex("000102030405060708090a0b0c"), ikm,
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
        // A.3: zero-length salt and info.
        assertThat(HEX.formatHex(KeyDerivation.hkdfSha256(new byte[0], ikm, new byte[0], 42)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void jweKey_isThePinnedKeyForAKnownSecretAndAudience() {
        SecretBytes secret = SecretBytes.fromUtf8(Fixtures.SECRET_1);

        assertThat(HEX.formatHex(KeyDerivation.jweKeyEncryptionKey(secret, "/shop")))
                .isEqualTo("f471379551f73d0dabcea759969ca10138363b81487e6f7964ae502b7ef2c646");
        assertThat(HEX.formatHex(KeyDerivation.jweKeyEncryptionKey(secret, "/caf\u00e9")))
                .isEqualTo("a40c91d850fde04aa5380a201b767bb7af5466361ae1e234c9c2380bb8267850");
    }

    @Test
    void jweKey_isTheKitsDerivationForEverySecretAndAudience() {
        for (String secret : List.of(Fixtures.SECRET_1, Fixtures.SECRET_2, Fixtures.SECRET_512, "\u00e9\u4e2d")) {
            for (String audience : List.of("/", "/shop", "/caf\u00e9", "x".repeat(300))) {
                assertThat(KeyDerivation.jweKeyEncryptionKey(SecretBytes.fromUtf8(secret), audience))
                        .isEqualTo(Jwe.derivedKey(secret, audience));
            }
        }
    }

    @Test
    void jweKey_separatesAudiencesSecretsAndTheRawSecret() {
        SecretBytes secret = SecretBytes.fromUtf8(Fixtures.SECRET_1);
        byte[] shop = KeyDerivation.jweKeyEncryptionKey(secret, "/shop");

        assertThat(shop).hasSize(32)
                .isNotEqualTo(KeyDerivation.jweKeyEncryptionKey(secret, "/shop2"))
                .isNotEqualTo(KeyDerivation.jweKeyEncryptionKey(secret, "/sho"))
                .isNotEqualTo(KeyDerivation.jweKeyEncryptionKey(SecretBytes.fromUtf8(Fixtures.SECRET_2), "/shop"))
                .isNotEqualTo(java.util.Arrays.copyOf(Fixtures.SECRET_1.getBytes(StandardCharsets.UTF_8), 32));
    }

    @Test
    void documentedConstants_areTheOnesUsed() {
        assertThat(KeyDerivation.SALT).isEqualTo(Jwe.SALT).isEqualTo("steadfast-session-v1");
        assertThat(HEX.formatHex(KeyDerivation.SALT.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("7374656164666173742d73657373696f6e2d7631");
        assertThat(KeyDerivation.JWE_KEY_LABEL).isEqualTo(Jwe.LABEL).isEqualTo("steadfast/v1/jwe/A256KW");
        assertThat(KeyDerivation.KEY_BYTES).isEqualTo(32);
    }
}
