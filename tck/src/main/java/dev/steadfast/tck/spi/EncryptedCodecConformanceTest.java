package dev.steadfast.tck.spi;

import static dev.steadfast.tck.spi.EncryptedCookies.AUD;
import static dev.steadfast.tck.spi.EncryptedCookies.T;
import static dev.steadfast.tck.spi.EncryptedCookies.flipped;
import static dev.steadfast.tck.spi.EncryptedCookies.rejection;
import static dev.steadfast.tck.spi.EncryptedCookies.session;
import static dev.steadfast.tck.spi.EncryptedCookies.valid;
import static dev.steadfast.tck.spi.EncryptedCookies.validClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastSpiTest;
import dev.steadfast.tck.support.Jwe;
import dev.steadfast.tck.support.Jws;
import dev.steadfast.tck.support.MiniJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * The encrypted format (ENC), through {@code SteadfastProvider.sessionCodec} with {@code CodecOptions.format("jwe")}:
 * the kit opens the implementation's cookies with its own JWE code under the key the spec derives, and seals the
 * cookies the implementation must accept or refuse the same way ({@link Jwe}).
 */
@SteadfastSpiTest
class EncryptedCodecConformanceTest {

    private final EncryptedCookies c = new EncryptedCookies();

    @Test
    @Clause("ENC-1")
    @Clause("ENC-2")
    void encode_writesCompactJweWithExactlyAlgEncKidTypHeader() {
        String token = c.jwe().encode(session(Map.of("a", "b")));

        assertThat(token).matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+){4}");
        Jwe.Parts parts = Jwe.parse(token);
        assertThat(parts.headerJson().keySet()).containsExactly("alg", "enc", "kid", "typ");
        assertThat(parts.headerJson()).containsEntry("alg", "A256KW").containsEntry("enc", "A256GCM")
                .containsEntry("kid", "k1").containsEntry("typ", "steadfast-session+jwe");
        assertThat(parts.encryptedKey()).hasSize(40);
        assertThat(parts.iv()).hasSize(12);
        assertThat(parts.tag()).hasSize(16);
    }

    @Test
    @Clause("ENC-1")
    @Clause("ENC-4")
    @Clause("KEYS-7")
    void encode_opensWithTheSpecifiedDerivedKeyToTheSpecifiedClaims() throws GeneralSecurityException {
        String token = c.jwe().encode(session(Map.of("user", "ada", "n", 7L)));

        Map<String, Object> claims = MiniJson.parseObject(Jwe.open(token, c.kek()));

        assertThat(claims).containsKeys("aud", "sid", "iat", "exp", "crt", "mii", "att");
        assertThat(claims.get("aud")).isEqualTo(AUD);
        assertThat(claims.get("sid")).isEqualTo("tck-session-0001-abcdef");
        assertThat(claims.get("iat")).isEqualTo(BigDecimal.valueOf(T));
        assertThat(claims.get("att")).isEqualTo(Map.of("user", "ada", "n", Map.of("$long", "7")));
        assertThatThrownBy(() -> Jwe.open(token, Jwe.derivedKey(c.otherSecret, AUD)))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    @Clause("ENC-4")
    void decode_acceptsCookieEncryptedByAnotherJweProducer() {
        String token = c.sealed(Jws.claims(AUD, "sid-foreign-producer", T, T + 1800, T - 60, 1800,
                "{\"user\":\"ada\"}"));

        SessionData s = valid(c.jwe().decode(token)).session();

        assertThat(s.id()).isEqualTo("sid-foreign-producer");
        assertThat(s.attributes()).containsEntry("user", "ada");
    }

    @Test
    @Clause("ENC-5")
    void decode_anotherAudienceWithTheSameSecretCannotUnwrap() {
        KeyRing ring = KeyRing.of(c.k1);
        String token = EncryptedCookies.jwe(ring).encode(session(Map.of()));
        SessionCodec otherApplication = EncryptedCookies.codec(ring,
                EncryptedCookies.options(CodecOptions.FORMAT_JWE, "/other").build());
        // The claims say /other, but the key is /tck's: the audience must be in the key, not only in the claims.
        String otherClaimsOurKey = c.sealed(Jws.claims("/other", "s", T, T + 60, T, 60, "{}"));

        assertThat(rejection(otherApplication.decode(token))).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(rejection(otherApplication.decode(otherClaimsOurKey))).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(rejection(c.jwe().decode(otherClaimsOurKey))).isEqualTo(Rejection.WRONG_AUDIENCE);
    }

    @Test
    @Clause("ENC-6")
    void encode_drawsAFreshContentKeyAndIvPerCookie() throws GeneralSecurityException {
        SessionData same = session(Map.of("cart", "x"));
        SessionCodec shared = c.jwe();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // The same session from one codec, from fresh codecs over equal keys, and other sessions.
            SessionCodec codec = i < 4 ? shared : c.jwe();
            tokens.add(codec.encode(i < 6 ? same : session(Map.of("n", i))));
        }

        Set<String> encryptedKeys = new HashSet<>();
        Set<String> ivs = new HashSet<>();
        Set<String> contentKeys = new HashSet<>();
        for (String token : tokens) {
            Jwe.Parts p = Jwe.parse(token);
            encryptedKeys.add(Jwe.b64(p.encryptedKey()));
            ivs.add(Jwe.b64(p.iv()));
            Cipher unwrap = Cipher.getInstance("AESWrap");
            unwrap.init(Cipher.UNWRAP_MODE, new SecretKeySpec(c.kek(), "AES"));
            contentKeys.add(Jwe.b64(unwrap.unwrap(p.encryptedKey(), "AES", Cipher.SECRET_KEY).getEncoded()));
        }
        assertThat(encryptedKeys).as("encrypted keys").hasSize(tokens.size());
        assertThat(ivs).as("IVs").hasSize(tokens.size());
        assertThat(contentKeys).as("content keys").hasSize(tokens.size());
    }

    @Test
    @Clause("ENC-3")
    void decode_pinsAlgAndEncWhateverTheRestOfTheValue() {
        String claims = validClaims();
        List<String> mismatched = List.of(
                c.sealed(Jwe.header("A128KW", "A256GCM", "k1"), claims),
                c.sealed(Jwe.header("A256GCMKW", "A256GCM", "k1"), claims),
                c.sealed(Jwe.header("a256kw", "A256GCM", "k1"), claims),
                c.sealed(Jwe.header("none", "A256GCM", "k1"), claims),
                c.sealed(Jwe.header("A256KW", "A128GCM", "k1"), claims),
                c.sealed(Jwe.header("A256KW", "A256CBC-HS512", "k1"), claims),
                c.sealed(Jwe.header("A256KW", "a256gcm", "k1"), claims),
                // dir: the derived key used directly as the content key, no encrypted key.
                Jwe.sealDirect(Jwe.header("dir", "A256GCM", "k1"), c.kek(), claims),
                // dir's header over a value that carries an encrypted key all the same.
                c.sealed(Jwe.header("dir", "A256GCM", "k1"), claims));

        for (String token : mismatched) {
            assertThat(rejection(c.jwe().decode(token))).as(Jwe.parse(token).header())
                    .isEqualTo(Rejection.ALGORITHM_MISMATCH);
        }
    }

    @Test
    @Clause("ENC-3")
    void decode_refusesHeadersOtherThanExactlyAlgEncKidTyp() {
        String claims = validClaims();
        String base = "\"alg\":\"A256KW\",\"enc\":\"A256GCM\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwe\"";
        for (String forbidden : List.of("\"zip\":\"DEF\"", "\"crit\":[\"exp\"]", "\"jku\":\"https://x\"",
                "\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}", "\"x5u\":\"https://x\"", "\"epk\":{}", "\"p2s\":\"AAAA\"",
                "\"iv\":\"AAAA\"")) {
            assertThat(rejection(c.jwe().decode(c.sealed("{" + base + "," + forbidden + "}", claims))))
                    .as(forbidden).isEqualTo(Rejection.FORBIDDEN_HEADER);
        }
        assertThat(rejection(c.jwe().decode(c.sealed("{" + base + ",\"cty\":\"JWT\"}", claims))))
                .isEqualTo(Rejection.BAD_HEADER);
        assertThat(rejection(c.jwe().decode(c.sealed("{\"alg\":\"A256KW\",\"kid\":\"k1\",\"typ\":\""
                + Jwe.TYPE + "\"}", claims)))).isEqualTo(Rejection.BAD_HEADER);
        assertThat(rejection(c.jwe().decode(c.sealed("{" + base + ",\"alg\":\"A256KW\"}", claims))))
                .isEqualTo(Rejection.BAD_HEADER);
        assertThat(rejection(c.jwe().decode(c.sealed(Jwe.header("k1").replace(Jwe.TYPE, "steadfast-session+jwt"),
                claims)))).isEqualTo(Rejection.WRONG_TYPE);
        assertThat(rejection(c.jwe().decode(c.sealed(Jwe.header("k9"), claims)))).isEqualTo(Rejection.UNKNOWN_KEY);
    }

    @Test
    @Clause("ENC-3")
    @Clause("ENC-1")
    void decode_decidesSizeShapeAndHeaderBeforeDecrypting() {
        String token = c.jwe().encode(session(Map.of()));
        String garbage = Jwe.b64(new byte[40]) + "." + Jwe.b64(new byte[12]) + "." + Jwe.b64("x".getBytes(
                StandardCharsets.US_ASCII)) + "." + Jwe.b64(new byte[16]);
        String[] s = token.split("\\.");

        assertThat(rejection(c.jwe().decode(token + "A".repeat(4000)))).isEqualTo(Rejection.OVERSIZED);
        assertThat(rejection(c.jwe().decode(s[0] + "." + s[1] + "." + s[2] + "." + s[3] + "." + s[4] + "."
                + s[4]))).isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(c.jwe().decode(s[0] + "." + s[1] + "." + s[2] + ".." + s[4])))
                .isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(c.jwe().decode(token + "="))).isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(c.jwe().decode(Jwe.b64(Jwe.header("k9").getBytes(StandardCharsets.UTF_8)) + "."
                + garbage))).isEqualTo(Rejection.UNKNOWN_KEY);
        assertThat(rejection(c.jwe().decode(Jwe.b64(Jwe.header("dir", "A256GCM", "k1")
                .getBytes(StandardCharsets.UTF_8)) + "." + garbage))).isEqualTo(Rejection.ALGORITHM_MISMATCH);
    }

    @Test
    @Clause("ENC-7")
    void decode_rejectsEveryChangeToEncryptedKeyIvCiphertextOrTag() {
        String token = c.jwe().encode(session(Map.of("role", "user")));
        Jwe.Parts p = Jwe.parse(token);
        List<String> changed = new ArrayList<>();
        for (int segment = 1; segment <= 4; segment++) {
            int length = Base64.getUrlDecoder().decode(p.segments()[segment]).length;
            changed.add(flipped(token, segment, 0));
            changed.add(flipped(token, segment, length - 1));
        }
        changed.add(Jwe.withSegment(token, 4, Jwe.b64(Arrays.copyOf(p.tag(), 13))));
        changed.add(Jwe.withSegment(token, 4, Jwe.b64(Arrays.copyOf(p.tag(), 17))));
        changed.add(Jwe.withSegment(token, 1, Jwe.b64(Arrays.copyOf(p.encryptedKey(), 32))));
        changed.add(Jwe.withSegment(token, 2, Jwe.b64(Arrays.copyOf(p.iv(), 16))));
        changed.add(Jwe.withSegment(token, 3, Jwe.b64(Arrays.copyOf(p.ciphertext(),
                p.ciphertext().length - 1))));

        for (String bad : changed) {
            assertThat(rejection(c.jwe().decode(bad))).as(bad).isEqualTo(Rejection.BAD_SIGNATURE);
        }
    }

    @Test
    @Clause("ENC-7")
    void decode_rejectsPartsOfTwoValidCookiesCombined() {
        SessionCodec ring = EncryptedCookies.jwe(KeyRing.of(c.k1, c.k2));
        String a = ring.encode(session(Map.of("role", "user")));
        String b = ring.encode(session(Map.of("role", "admin")));
        String byK2 = EncryptedCookies.jwe(KeyRing.of(c.k2, c.k1)).encode(session(Map.of("role", "admin")));
        String[] sa = a.split("\\.");
        String[] sb = b.split("\\.");
        String[] s2 = byK2.split("\\.");

        List<String> spliced = List.of(
                String.join(".", sa[0], sa[1], sb[2], sa[3], sa[4]),
                String.join(".", sa[0], sb[1], sa[2], sa[3], sa[4]),
                String.join(".", sa[0], sa[1], sa[2], sa[3], sb[4]),
                String.join(".", sa[0], sa[1], sa[2], sb[3], sb[4]),
                // k2's header on k1's ciphertext, and k1's header on k2's: the wrapped key is another kid's.
                String.join(".", s2[0], sa[1], sa[2], sa[3], sa[4]),
                String.join(".", sa[0], s2[1], s2[2], s2[3], s2[4]),
                // The same header spelled otherwise: the additional authenticated data is the header as sent.
                Jwe.withSegment(a, 0, Jwe.b64(Jwe.header("k1").replace(",", ", ").getBytes(StandardCharsets.UTF_8))));

        for (String bad : spliced) {
            assertThat(rejection(ring.decode(bad))).as(bad).isEqualTo(Rejection.BAD_SIGNATURE);
        }
        assertThat(valid(ring.decode(a)).session().attributes()).containsEntry("role", "user");
    }

    @Test
    @Clause("ENC-7")
    @Clause("ENC-3")
    void decode_readsNoClaimBeforeTheTagVerifies() {
        String notJson = c.sealed("{\"aud\":");
        String tagChanged = flipped(notJson, 4, 0);

        assertThat(rejection(c.jwe().decode(tagChanged))).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(rejection(c.jwe().decode(notJson))).isEqualTo(Rejection.BAD_CLAIMS);
    }

    @Test
    @Clause("ENC-9")
    void encodedLength_isExactlyTheSpecifiedOverheadOverTheClaims() throws GeneralSecurityException {
        for (int n : new int[] {0, 1, 2, 3, 10, 100, 1000}) {
            String token = c.jwe().encode(session(Map.of("v", "x".repeat(n), "\u00e9", n)));
            int claimsBytes = Jwe.open(token, c.kek()).getBytes(StandardCharsets.UTF_8).length;
            int header = token.indexOf('.');

            assertThat(token.length()).as("%d characters of attribute", n)
                    .isEqualTo(header + 54 + 16 + (claimsBytes * 4 + 2) / 3 + 22 + 4);
        }
    }

    @Test
    @Clause("ENC-9")
    @Clause("CODEC-6")
    void maxSize_appliesToTheEncryptedLength() {
        SessionData big = session(Map.of("big", "x".repeat(2000)));
        int length = c.jwe().encode(big).length();
        KeyRing ring = KeyRing.of(c.k1);
        SessionCodec exact = EncryptedCookies.codec(ring, EncryptedCookies.options("jwe").maxSize(length).build());
        SessionCodec under = EncryptedCookies.codec(ring,
                EncryptedCookies.options("jwe").maxSize(length - 1).build());

        String token = exact.encode(big);
        assertThat(valid(exact.decode(token)).session().attributes()).containsEntry("big", "x".repeat(2000));
        assertThatThrownBy(() -> under.encode(big)).isInstanceOf(SessionTooLargeException.class)
                .satisfies(e -> assertThat(((SessionTooLargeException) e).limit()).isEqualTo(length - 1));
        assertThat(rejection(under.decode(token))).isEqualTo(Rejection.OVERSIZED);
    }

    @Test
    @Clause("ENC-1")
    void decode_acceptsItsOwnCookieAndNothingOfAnotherShape() {
        String token = c.jwe().encode(session(Map.of("k", "v")));

        DecodeResult result = c.jwe().decode(token);

        assertThat(valid(result).session().attributes()).containsEntry("k", "v");
        assertThat(valid(result).needsResign()).isFalse();
        assertThat(rejection(c.jwe().decode(token.substring(0, token.lastIndexOf('.')))))
                .isEqualTo(Rejection.MALFORMED);
    }
}
