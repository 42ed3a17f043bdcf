package dev.steadfast.tck.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The kit's own JWE code is right before it judges anyone's: RFC 5869's vectors, and its cookies open. */
class JweTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdf_matchesRfc5869TestCases1And3() {
        byte[] ikm = HEX.parseHex("0b".repeat(22));

        assertThat(HEX.formatHex(Jwe.hkdfSha256(HEX.parseHex("000102030405060708090a0b0c"), ikm,
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
        assertThat(HEX.formatHex(Jwe.hkdfSha256(new byte[0], ikm, new byte[0], 42)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void derivedKey_dependsOnSecretAndAudience() {
        assertThat(Jwe.derivedKey("s", "/a")).hasSize(32).isNotEqualTo(Jwe.derivedKey("s", "/b"))
                .isNotEqualTo(Jwe.derivedKey("t", "/a")).isEqualTo(Jwe.derivedKey("s", "/a"));
    }

    @Test
    void sealedCookies_openWithTheirKeyOnly() throws GeneralSecurityException {
        byte[] kek = Jwe.derivedKey("s", "/a");
        String token = Jwe.seal(Jwe.header("k1"), kek, "{\"x\":1}");

        assertThat(Jwe.open(token, kek)).isEqualTo("{\"x\":1}");
        assertThat(Jwe.parse(token).headerJson()).containsEntry("kid", "k1");
        assertThatThrownBy(() -> Jwe.open(token, Jwe.derivedKey("s", "/b")))
                .isInstanceOf(GeneralSecurityException.class);
        String direct = Jwe.sealDirect(Jwe.header("dir", "A256GCM", "k1"), kek, "{}");
        assertThat(Jwe.parse(direct).encryptedKey()).isEmpty();
        assertThat(Jwe.openDirect(direct, kek)).isEqualTo("{}");
    }
}
