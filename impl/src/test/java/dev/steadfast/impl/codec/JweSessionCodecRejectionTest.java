package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.AUDIENCE;
import static dev.steadfast.impl.codec.Fixtures.K1;
import static dev.steadfast.impl.codec.Fixtures.K2;
import static dev.steadfast.impl.codec.Fixtures.NOW;
import static dev.steadfast.impl.codec.Fixtures.b64;
import static dev.steadfast.impl.codec.Fixtures.payload;
import static dev.steadfast.impl.codec.Fixtures.session;
import static dev.steadfast.impl.codec.JweFixtures.flipped;
import static dev.steadfast.impl.codec.JweFixtures.header;
import static dev.steadfast.impl.codec.JweFixtures.seal;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.tck.support.Jwe;

/**
 * Every rejection of the encrypted format, the attacks of issue #17 among them: truncated tag, swapped IV, wrong
 * {@code enc}, {@code dir}, {@code zip}, a wrapped key for another kid, header and ciphertext spliced between two
 * valid cookies, another audience under the same secret. Each forged cookie is sealed under the right derived key
 * unless the attack is about the key, so that only the condition under test can reject it.
 */
class JweSessionCodecRejectionTest {

    private static final long T = NOW.getEpochSecond();
    private static final Set<Rejection> SEEN = EnumSet.noneOf(Rejection.class);

    private final JweSessionCodec codec = JweFixtures.codec();
    private final String valid = codec.encode(session().attribute("role", "user").build());
    private final String other = codec.encode(session().attribute("role", "admin").build());

    private void assertRejected(String cookie, Rejection reason) {
        assertThat(codec.decode(cookie)).as(cookie).isEqualTo(new DecodeResult.Rejected(reason));
        assertThat(codec.decodeUnguarded(cookie)).isEqualTo(new DecodeResult.Rejected(reason));
        synchronized (SEEN) {
            SEEN.add(reason);
        }
    }

    private static String claims(long iat, long exp, long crt, long mii) {
        return "{\"aud\":\"/shop\",\"sid\":\"s1\",\"iat\":" + iat + ",\"exp\":" + exp + ",\"crt\":" + crt + ",\"mii\":"
                + mii + ",\"att\":{}}";
    }

    private static String[] parts(String cookie) {
        return cookie.split("\\.", -1);
    }

    @Test
    void oversized_beforeAnything() {
        assertRejected(valid + "A".repeat(3800), Rejection.OVERSIZED);
        assertRejected(null, Rejection.OVERSIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "....", "a.b.c.d", "a.b.c.d.e.f", "AAAA.AAAA.AAAA..AAAA", ".AAAA.AAAA.AAAA.AAAA",
            "AAAA.AAAA..AAAA.AAAA", "AAAA.AAAA.AAAA.AAAA.", "AAA=.AAAA.AAAA.AAAA.AAAA", "A+AA.AAAA.AAAA.AAAA.AAAA",
            "AB.AAAA.AAAA.AAAA.AAAA", "AAAA.AAAA.AAAA.AAAA.A", "\u00e9AAA.AAAA.AAAA.AAAA.AAAA"})
    void malformed_shapes(String cookie) {
        assertRejected(cookie, Rejection.MALFORMED);
    }

    @Test
    void malformed_paddingOrNonCanonicalInAnySegment() {
        for (int segment = 0; segment < 5; segment++) {
            String[] s = parts(valid);
            s[segment] = s[segment] + "=";
            assertRejected(String.join(".", s), Rejection.MALFORMED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"A256KW\",\"enc\":\"A256GCM\",\"kid\":\"k1\"}",
            "{\"alg\":\"A256KW\",\"enc\":\"A256GCM\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwe\",\"cty\":\"x\"}",
            "{\"alg\":\"A256KW\",\"enc\":1,\"kid\":\"k1\",\"typ\":\"steadfast-session+jwe\"}",
            "{\"alg\":\"A256KW\",\"alg\":\"A256KW\",\"enc\":\"A256GCM\",\"kid\":\"k1\","
                    + "\"typ\":\"steadfast-session+jwe\"}",
            "[\"A256KW\"]", "{\"alg\":", "not json"})
    void badHeader(String headerJson) {
        assertRejected(seal(headerJson, payload("{}"), K1), Rejection.BAD_HEADER);
    }

    @Test
    void badHeader_tooLongToBeOurs() {
        String longKid = header("k1").replace("\"kid\":\"k1\"", "\"kid\":\"" + "k".repeat(400) + "\"");
        assertRejected(seal(longKid, payload("{}"), K1), Rejection.BAD_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"zip\":\"DEF\"", "\"crit\":[\"exp\"]", "\"jku\":\"https://x\"",
            "\"jwk\":{\"kty\":\"oct\"}", "\"x5u\":\"https://x\"", "\"x5c\":[]", "\"x5t\":\"x\"",
            "\"x5t#S256\":\"x\"", "\"b64\":false",
            "\"epk\":{}", "\"apu\":\"x\"", "\"apv\":\"x\"", "\"iv\":\"x\"", "\"tag\":\"x\"", "\"p2s\":\"x\"",
            "\"p2c\":1000"})
    void forbiddenHeader(String member) {
        String headerJson = header("k1").replace("}", "," + member + "}");
        assertRejected(seal(headerJson, payload("{}"), K1), Rejection.FORBIDDEN_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"steadfast-session+jwt", "JWT", "JOSE", "", "Steadfast-Session+JWE"})
    void wrongType(String typ) {
        assertRejected(seal(header("k1").replace("steadfast-session+jwe", typ), payload("{}"), K1),
                Rejection.WRONG_TYPE);
    }

    @Test
    void unknownKey_whateverFollows() {
        assertRejected(seal(header("k9"), payload("{}"), K1), Rejection.UNKNOWN_KEY);
        String[] s = parts(valid);
        s[0] = b64(header("k9"));
        assertRejected(String.join(".", s), Rejection.UNKNOWN_KEY);
    }

    @Test
    void retiredKey_byTheFastPathAndTheParsedHeader() {
        SigningKey retired = SigningKey.of("old", Algorithm.HS256, K2.secret(), null, NOW.minusSeconds(1));
        JweSessionCodec ring = JweFixtures.codec(KeyRing.of(K1, retired));
        String byOld = JweFixtures.codec(KeyRing.of(SigningKey.of("old", Algorithm.HS256, K2.secret())))
                .encode(session().build());
        String parsed = seal(header("old").replace(",", ", "), payload("{}"), retired);

        assertThat(ring.decode(byOld)).isEqualTo(new DecodeResult.Rejected(Rejection.RETIRED_KEY));
        assertThat(ring.decode(parsed)).isEqualTo(new DecodeResult.Rejected(Rejection.RETIRED_KEY));
        SEEN.add(Rejection.RETIRED_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A128KW", "A192KW", "A256GCMKW", "dir", "none", "RSA-OAEP-256", "ECDH-ES+A256KW",
            "PBES2-HS512+A256KW", "a256kw", "A256KW "})
    void algorithmMismatch_alg(String alg) {
        assertRejected(seal(Jwe.header(alg, "A256GCM", "k1"), payload("{}"), K1), Rejection.ALGORITHM_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A128GCM", "A192GCM", "A256CBC-HS512", "A128CBC-HS256", "a256gcm", "none", ""})
    void algorithmMismatch_wrongEnc(String enc) {
        assertRejected(seal(Jwe.header("A256KW", enc, "k1"), payload("{}"), K1), Rejection.ALGORITHM_MISMATCH);
    }

    @Test
    void algorithmMismatch_dirWithTheDerivedKeyAsContentKey() {
        // What an implementation that honours "dir" would accept: it must not, even under the right key.
        String dir = Jwe.sealDirect(Jwe.header("dir", "A256GCM", "k1"), JweFixtures.kek(K1), payload("{}"));
        assertThat(parts(dir)[1]).isEmpty();
        assertRejected(dir, Rejection.ALGORITHM_MISMATCH);
    }

    @Test
    void badSignature_aBitFlippedAnywhereAfterTheHeader() {
        for (int segment = 1; segment <= 4; segment++) {
            int length = JweFixtures.segment(valid, segment).length;
            for (int index : new int[] {0, length / 2, length - 1}) {
                for (int bit : new int[] {0, 7}) {
                    assertRejected(flipped(valid, segment, index, bit), Rejection.BAD_SIGNATURE);
                }
            }
        }
    }

    @Test
    void badSignature_truncatedOrExtendedParts() {
        byte[] tag = JweFixtures.segment(valid, 4);
        byte[] wrapped = JweFixtures.segment(valid, 1);
        byte[] iv = JweFixtures.segment(valid, 2);
        byte[] ciphertext = JweFixtures.segment(valid, 3);
        for (int length : new int[] {1, 8, 12, 15, 17, 32}) {
            assertRejected(with(valid, 4, Arrays.copyOf(tag, length)), Rejection.BAD_SIGNATURE);
        }
        for (int length : new int[] {8, 24, 32, 39, 41, 48}) {
            assertRejected(with(valid, 1, Arrays.copyOf(wrapped, length)), Rejection.BAD_SIGNATURE);
        }
        for (int length : new int[] {1, 8, 11, 13, 16}) {
            assertRejected(with(valid, 2, Arrays.copyOf(iv, length)), Rejection.BAD_SIGNATURE);
        }
        assertRejected(with(valid, 3, Arrays.copyOf(ciphertext, ciphertext.length - 1)), Rejection.BAD_SIGNATURE);
        assertRejected(with(valid, 3, Arrays.copyOf(ciphertext, ciphertext.length + 1)), Rejection.BAD_SIGNATURE);
        // A wrapped key of A128KW's length that unwraps: it would make an AES-128 content key.
        String short128 = Jwe.seal(header("k1"), JweFixtures.kek(K1), Jwe.random(16), Jwe.random(12),
                payload("{}").getBytes(StandardCharsets.UTF_8));
        assertRejected(short128, Rejection.BAD_SIGNATURE);
    }

    @Test
    void badSignature_partsOfTwoValidCookiesCombined() {
        String[] a = parts(valid);
        String[] b = parts(other);
        assertRejected(String.join(".", a[0], a[1], b[2], a[3], a[4]), Rejection.BAD_SIGNATURE);
        assertRejected(String.join(".", a[0], b[1], a[2], a[3], a[4]), Rejection.BAD_SIGNATURE);
        assertRejected(String.join(".", a[0], a[1], a[2], a[3], b[4]), Rejection.BAD_SIGNATURE);
        assertRejected(String.join(".", a[0], a[1], a[2], b[3], b[4]), Rejection.BAD_SIGNATURE);
        assertRejected(String.join(".", a[0], b[1], b[2], b[3], a[4]), Rejection.BAD_SIGNATURE);
        // Both values stay good.
        assertThat(codec.decode(valid)).isInstanceOf(DecodeResult.Valid.class);
        assertThat(codec.decode(other)).isInstanceOf(DecodeResult.Valid.class);
    }

    @Test
    void badSignature_headerOfOneKeyOnTheCiphertextOfAnother() {
        String byK2 = JweFixtures.codec(KeyRing.of(K2, K1)).encode(session().build());
        String[] a = parts(valid);
        String[] b = parts(byK2);
        assertRejected(String.join(".", b[0], a[1], a[2], a[3], a[4]), Rejection.BAD_SIGNATURE);
        assertRejected(String.join(".", a[0], b[1], b[2], b[3], b[4]), Rejection.BAD_SIGNATURE);
        // A content key wrapped for k2 under a header naming k1, sealed honestly otherwise.
        assertRejected(seal(header("k1"), payload("{}"), K2), Rejection.BAD_SIGNATURE);
    }

    @Test
    void badSignature_theSameHeaderSpelledOtherwise() {
        String[] a = parts(valid);
        a[0] = b64(header("k1").replace(",", " ,"));
        assertRejected(String.join(".", a), Rejection.BAD_SIGNATURE);
    }

    @Test
    void badSignature_anotherAudienceWithTheSameSecret() {
        JweSessionCodec otherApplication = new JweSessionCodec(KeyRing.of(K1, K2),
                CodecOptions.builder("/other").clock(Fixtures.CLOCK).build());
        String sealedForOther = Jwe.seal(header("k1"), Jwe.derivedKey(K1.secret().toByteArray(), "/other"),
                payload("{}"));

        assertThat(otherApplication.decode(valid)).isEqualTo(new DecodeResult.Rejected(Rejection.BAD_SIGNATURE));
        assertRejected(sealedForOther, Rejection.BAD_SIGNATURE);
    }

    @Test
    void badClaims_onlyBehindAValidTag() {
        assertRejected(seal(header("k1"), "{\"aud\":", K1), Rejection.BAD_CLAIMS);
        assertRejected(seal(header("k1"), payload("{\"a\":1,\"a\":2}"), K1), Rejection.BAD_CLAIMS);
        assertRejected(flipped(seal(header("k1"), "{\"aud\":", K1), 4, 0, 0), Rejection.BAD_SIGNATURE);
    }

    @Test
    void claimChecks_asForTheSignedFormat() {
        assertRejected(seal(header("k1"), claims(T - 60, T + 1740, T - 600, 1800).replace(AUDIENCE, "/other"), K1),
                Rejection.WRONG_AUDIENCE);
        assertRejected(seal(header("k1"), claims(T + 3600, T + 5400, T + 3600, 1800), K1), Rejection.NOT_YET_VALID);
        assertRejected(seal(header("k1"), claims(T - 7200, T - 5400, T - 7200, 1800), K1), Rejection.EXPIRED);
        assertRejected(seal(header("k1"), claims(T - 60, T + 1740, T - 13 * 3600, 1800), K1),
                Rejection.ABSOLUTE_TIMEOUT);
        JweSessionCodec shortLived = new JweSessionCodec(KeyRing.of(K1),
                Fixtures.options().absoluteTimeout(Duration.ofMinutes(5)).build());
        assertThat(shortLived.decode(valid)).isEqualTo(new DecodeResult.Rejected(Rejection.ABSOLUTE_TIMEOUT));
    }

    @Test
    void sealedByTheKit_isAccepted() {
        assertThat(codec.decode(JweFixtures.sealed("{\"n\":{\"$long\":\"5\"}}")))
                .isInstanceOfSatisfying(DecodeResult.Valid.class,
                        v -> assertThat(v.session().attributes()).containsEntry("n", 5L));
    }

    @Test
    void everyRejectionReason_isReachedByTheCasesAbove() {
        // Run one case of each kind here, so this holds whichever tests ran before.
        oversized_beforeAnything();
        malformed_shapes("a.b.c.d");
        badHeader("not json");
        forbiddenHeader("\"zip\":\"DEF\"");
        wrongType("JWT");
        unknownKey_whateverFollows();
        retiredKey_byTheFastPathAndTheParsedHeader();
        algorithmMismatch_alg("dir");
        badSignature_partsOfTwoValidCookiesCombined();
        badClaims_onlyBehindAValidTag();
        claimChecks_asForTheSignedFormat();
        assertThat(SEEN).containsExactlyInAnyOrder(Rejection.values());
    }

    private static String with(String cookie, int segment, byte[] bytes) {
        String[] s = parts(cookie);
        s[segment] = b64(bytes);
        return String.join(".", s);
    }
}
