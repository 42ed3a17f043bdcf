package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.K1;
import static dev.steadfast.impl.codec.Fixtures.K2;
import static dev.steadfast.impl.codec.Fixtures.NOW;
import static dev.steadfast.impl.codec.Fixtures.b64;
import static dev.steadfast.impl.codec.Fixtures.codec;
import static dev.steadfast.impl.codec.Fixtures.forge;
import static dev.steadfast.impl.codec.Fixtures.header;
import static dev.steadfast.impl.codec.Fixtures.options;
import static dev.steadfast.impl.codec.Fixtures.payload;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;

/** Every rejection, in the order the codec checks. */
class JwsSessionCodecRejectionTest {

    private static final long NOW_S = NOW.getEpochSecond();
    private static final Set<Rejection> SEEN = EnumSet.noneOf(Rejection.class);

    private final JwsSessionCodec codec = codec();
    private final String valid = codec.encode(session().build());

    private static void assertRejected(DecodeResult result, Rejection reason) {
        assertThat(result).isEqualTo(new DecodeResult.Rejected(reason));
        synchronized (SEEN) {
            SEEN.add(reason);
        }
    }

    private void assertRejected(String cookie, Rejection reason) {
        assertRejected(codec.decode(cookie), reason);
    }

    private static String claims(long iat, long exp, long crt, long mii) {
        return "{\"aud\":\"/shop\",\"sid\":\"s1\",\"iat\":" + iat + ",\"exp\":" + exp + ",\"crt\":" + crt + ",\"mii\":"
                + mii + ",\"att\":{}}";
    }

    private static String withClaim(String name, String json) {
        return payload("{}").replaceFirst("\"" + name + "\":[^,]+,", "\"" + name + "\":" + json + ",");
    }

    private static String[] parts(String cookie) {
        return cookie.split("\\.", -1);
    }

    @Test
    void decode_acceptsTheValidCookie() {
        assertThat(codec.decode(valid)).isInstanceOf(DecodeResult.Valid.class);
        assertThat(codec.decode(forge(header("HS256", "k1"), payload("{}"), K1)))
                .isInstanceOf(DecodeResult.Valid.class);
    }

    // (1) size

    @Test
    void decode_rejectsNullAsOversized() {
        assertRejected((String) null, Rejection.OVERSIZED);
    }

    @Test
    void decode_rejectsOversizedBeforeParsing() {
        assertRejected("x".repeat(3801), Rejection.OVERSIZED);
        assertRejected(valid + "A".repeat(3800 - valid.length() + 1), Rejection.OVERSIZED);
    }

    // (2) structure and base64url

    @Test
    void decode_rejectsWrongSegmentCounts() {
        String[] p = parts(valid);
        assertRejected(p[0] + "." + p[1], Rejection.MALFORMED);
        assertRejected(valid + "." + p[2], Rejection.MALFORMED);
        assertRejected(valid + ".", Rejection.MALFORMED);
        assertRejected("." + valid, Rejection.MALFORMED);
        assertRejected(p[0] + ".." + p[2], Rejection.MALFORMED);
        assertRejected(p[0] + "." + p[1] + ".", Rejection.MALFORMED);
        assertRejected("", Rejection.MALFORMED);
        assertRejected("..", Rejection.MALFORMED);
    }

    @Test
    void decode_rejectsPaddingAndForeignAlphabet() {
        String[] p = parts(valid);
        assertRejected(valid + "=", Rejection.MALFORMED);
        assertRejected(p[0] + "=." + p[1] + "." + p[2], Rejection.MALFORMED);
        assertRejected(p[0] + "." + p[1].substring(0, 7) + "+" + p[1].substring(8) + "." + p[2], Rejection.MALFORMED);
        assertRejected(p[0] + "." + p[1] + "." + p[2].substring(0, 10) + "/" + p[2].substring(11), Rejection.MALFORMED);
        assertRejected(valid + " ", Rejection.MALFORMED);
        assertRejected(" " + valid, Rejection.MALFORMED);
        assertRejected(valid.substring(0, 5) + "\u00e9" + valid.substring(6), Rejection.MALFORMED);
        assertRejected(valid.substring(0, 5) + "\u4e2d" + valid.substring(6), Rejection.MALFORMED);
    }

    @Test
    void decode_rejectsLengthOneModFour() {
        String[] p = parts(valid);
        // A 43-character HS256 tag plus two characters is 45 = 1 (mod 4): no byte string encodes to that.
        assertRejected(p[0] + "." + p[1] + "." + p[2] + "AA", Rejection.MALFORMED);
    }

    @Test
    void decode_rejectsNonCanonicalTrailingBits() {
        String[] p = parts(valid);
        // 32 bytes are 43 characters whose last carries 2 unused bits; setting one spells the same bytes differently.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = p[2].charAt(42);
        char twin = alphabet.charAt(alphabet.indexOf(last) | 1);
        String sibling = p[0] + "." + p[1] + "." + p[2].substring(0, 42) + twin;
        assertThat(Base64.getUrlDecoder().decode(sibling.split("\\.")[2]))
                .isEqualTo(Base64.getUrlDecoder().decode(p[2]));
        assertRejected(sibling, Rejection.MALFORMED);
    }

    // (3) header

    @Test
    void decode_rejectsHeaderThatIsNotOurShape() {
        String p = payload("{}");
        assertRejected(forge("not json", p, K1), Rejection.BAD_HEADER);
        assertRejected(forge("[\"HS256\"]", p, K1), Rejection.BAD_HEADER);
        assertRejected(forge("{\"alg\":\"HS256\",\"kid\":\"k1\"}", p, K1), Rejection.BAD_HEADER);
        assertRejected(forge("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\",\"cty\":\"x\"}", p,
                K1), Rejection.BAD_HEADER);
        assertRejected(forge("{\"alg\":\"HS256\",\"kid\":1,\"typ\":\"steadfast-session+jwt\"}", p, K1),
                Rejection.BAD_HEADER);
        assertRejected(forge("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":{\"a\":1}}", p, K1), Rejection.BAD_HEADER);
        assertRejected(forge(header("HS256", "k1") + " x", p, K1), Rejection.BAD_HEADER);
        assertRejected(forge("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\" ", p, K1),
                Rejection.BAD_HEADER);
    }

    @Test
    void decode_rejectsDuplicateHeaderMembers() {
        assertRejected(forge("{\"alg\":\"none\",\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\"}",
                payload("{}"), K1), Rejection.BAD_HEADER);
        assertRejected(forge("{\"alg\":\"HS256\",\"kid\":\"k2\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\"}",
                payload("{}"), K1), Rejection.BAD_HEADER);
    }

    @Test
    void decode_rejectsLongHeaderWithoutParsingIt() {
        String padded = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\"" + " ".repeat(400) + "}";
        assertRejected(forge(padded, payload("{}"), K1), Rejection.BAD_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crit", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "zip", "enc", "b64"})
    void decode_rejectsForbiddenHeader(String name) {
        String h = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\",\"" + name + "\":\"x\"}";
        assertRejected(forge(h, payload("{}"), K1), Rejection.FORBIDDEN_HEADER);
        String replacing = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"" + name + "\":[\"exp\"]}";
        assertRejected(forge(replacing, payload("{}"), K1), Rejection.FORBIDDEN_HEADER);
    }

    @Test
    void decode_rejectsWrongType() {
        String h = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}";
        assertRejected(forge(h, payload("{}"), K1), Rejection.WRONG_TYPE);
    }

    @Test
    void decode_rejectsUnknownKid() {
        SigningKey stranger = SigningKey.of("k9", Algorithm.HS256, SecretBytes.fromUtf8(Fixtures.SECRET_1));
        assertRejected(forge(header("HS256", "k9"), payload("{}"), stranger), Rejection.UNKNOWN_KEY);
        assertRejected(forge(header("none", "K1"), payload("{}"), K1), Rejection.UNKNOWN_KEY);
    }

    @Test
    void decode_rejectsRetiredKid() {
        SigningKey retired = SigningKey.of("k2", Algorithm.HS256, SecretBytes.fromUtf8(Fixtures.SECRET_2), null,
                NOW.minusSeconds(1));
        JwsSessionCodec withRetired = Fixtures.codec(KeyRing.of(K1, retired), options().build());
        // Fast path: the header is the key's precomputed one.
        String cookie = Fixtures.codec(KeyRing.of(K2), options().build()).encode(session().build());
        assertRejected(withRetired.decode(cookie), Rejection.RETIRED_KEY);
        // Parsed path: same header with another member order.
        String reordered = "{\"kid\":\"k2\",\"alg\":\"HS256\",\"typ\":\"steadfast-session+jwt\"}";
        assertRejected(withRetired.decode(forge(reordered, payload("{}"), K2)), Rejection.RETIRED_KEY);
        // Not yet retired a second earlier.
        JwsSessionCodec before = Fixtures.codec(KeyRing.of(K1, retired),
                options().clock(java.time.Clock.fixed(NOW.minusSeconds(2), java.time.ZoneOffset.UTC)).build());
        assertThat(before.decode(cookie)).isInstanceOf(DecodeResult.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "HS512", "HS384", "hs256", "RS256", ""})
    void decode_rejectsAlgorithmOtherThanTheKeys(String alg) {
        assertRejected(forge(header(alg, "k1"), payload("{}"), K1), Rejection.ALGORITHM_MISMATCH);
    }

    @Test
    void decode_rejectsUnsignedNoneToken() {
        String none = b64(header("none", "k1")) + "." + b64(payload("{}")) + ".";
        assertRejected(none, Rejection.MALFORMED);
        assertRejected(b64(header("none", "k1")) + "." + b64(payload("{}")) + ".AA", Rejection.ALGORITHM_MISMATCH);
    }

    @Test
    void decode_rejectsAlgorithmSwitchToAnotherKeysSize() {
        // An HS512 token under the HS256 key's kid, signed with that key's secret as HS512.
        SigningKey k1as512 = SigningKey.of("k1", Algorithm.HS512, SecretBytes.fromUtf8(Fixtures.SECRET_1));
        assertRejected(forge(header("HS512", "k1"), payload("{}"), k1as512), Rejection.ALGORITHM_MISMATCH);
    }

    // (4) MAC

    @Test
    void decode_rejectsBitFlipInEachSegment() {
        String[] p = parts(valid);
        for (int segment = 0; segment < 3; segment++) {
            byte[] bytes = Base64.getUrlDecoder().decode(p[segment]);
            for (int bit = 0; bit < bytes.length * 8; bit += 7) {
                byte[] flipped = bytes.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                String[] q = p.clone();
                q[segment] = b64(flipped);
                DecodeResult result = codec.decode(String.join(".", q));
                assertThat(result).as("segment %d bit %d", segment, bit).isInstanceOf(DecodeResult.Rejected.class);
                if (segment > 0) {
                    assertThat(result).isEqualTo(new DecodeResult.Rejected(Rejection.BAD_SIGNATURE));
                }
            }
        }
        SEEN.add(Rejection.BAD_SIGNATURE);
    }

    @Test
    void decode_rejectsTruncatedAndExtendedMac() {
        String[] p = parts(valid);
        byte[] mac = Base64.getUrlDecoder().decode(p[2]);
        String signed = p[0] + "." + p[1] + ".";
        assertRejected(signed + b64(Arrays.copyOf(mac, 31)), Rejection.BAD_SIGNATURE);
        assertRejected(signed + b64(Arrays.copyOf(mac, 16)), Rejection.BAD_SIGNATURE);
        assertRejected(signed + b64(Arrays.copyOf(mac, 33)), Rejection.BAD_SIGNATURE);
        assertRejected(signed + b64(Arrays.copyOf(mac, 64)), Rejection.BAD_SIGNATURE);
        assertRejected(signed + "AA", Rejection.BAD_SIGNATURE);
    }

    @Test
    void decode_rejectsMacFromAnotherSecretUnderOurKid() {
        SigningKey impostor = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8("guessed-secret"));
        assertRejected(forge(header("HS256", "k1"), payload("{}"), impostor), Rejection.BAD_SIGNATURE);
    }

    // (5) claims

    @Test
    void decode_rejectsPayloadThatIsNotStrictJson() {
        String h = header("HS256", "k1");
        assertRejected(forge(h, "not json", K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, "[1,2]", K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, "\"text\"", K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("{}") + " x", K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("{}") + "{}", K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("{}").substring(1), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("{\"a\":01}"), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("{\"a\":'x'}"), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("{\"a\":NaN}"), K1), Rejection.BAD_CLAIMS);
    }

    @Test
    void decode_rejectsInvalidUtf8() {
        byte[] json = payload("{\"a\":\"__\"}").getBytes(StandardCharsets.UTF_8);
        int at = new String(json, StandardCharsets.US_ASCII).indexOf("__");
        json[at] = (byte) 0xC3;
        json[at + 1] = (byte) 0x28;
        String signingInput = b64(header("HS256", "k1")) + "." + b64(json);
        assertRejected(signingInput + "." + b64(Fixtures.hmac(K1, signingInput)), Rejection.BAD_CLAIMS);
    }

    @Test
    void decode_rejectsDuplicateClaims() {
        String h = header("HS256", "k1");
        assertRejected(forge(h, payload("{}").replace("\"sid\":\"s1\",", "\"sid\":\"s1\",\"sid\":\"s2\","), K1),
                Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("{\"a\":1,\"a\":2}"), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("{\"a\":[{\"b\":{\"c\":1,\"c\":1}}]}"), K1), Rejection.BAD_CLAIMS);
    }

    @Test
    void decode_rejectsNestingDeeperThan32() {
        String h = header("HS256", "k1");
        // The payload is level 1 and att level 2, so 30 arrays reach level 32 and 31 arrays level 33.
        String ok = "{\"a\":" + "[".repeat(30) + "]".repeat(30) + "}";
        String deep = "{\"a\":" + "[".repeat(31) + "]".repeat(31) + "}";
        assertThat(codec.decode(forge(h, payload(ok), K1))).isInstanceOf(DecodeResult.Valid.class);
        assertRejected(forge(h, payload(deep), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"), K1),
                Rejection.OVERSIZED);
        JwsSessionCodec roomy = Fixtures.codec(KeyRing.of(K1), options().maxSize(20_000).build());
        assertRejected(roomy.decode(forge(h, payload("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"), K1)),
                Rejection.BAD_CLAIMS);
    }

    @Test
    void decode_rejectsMissingOrMistypedClaims() {
        String h = header("HS256", "k1");
        for (String name : new String[] {"aud", "sid", "iat", "exp", "crt", "mii"}) {
            String without = payload("{}").replaceFirst("\"" + name + "\":[^,]+,", "");
            assertRejected(forge(h, without, K1), Rejection.BAD_CLAIMS);
        }
        assertRejected(forge(h, payload("{}").replace(",\"att\":{}", ""), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("[]"), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, payload("null"), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, withClaim("aud", "[\"/shop\"]"), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, withClaim("sid", "12"), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, withClaim("sid", "\"\""), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, withClaim("iat", "\"" + (NOW_S - 60) + "\""), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, withClaim("mii", "1800.0"), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, withClaim("mii", "2147483648"), K1), Rejection.BAD_CLAIMS);
        assertRejected(forge(h, withClaim("mii", "true"), K1), Rejection.BAD_CLAIMS);
    }

    @Test
    void decode_rejectsNonIntegerOverflowingAndMillisecondTimes() {
        String h = header("HS256", "k1");
        long iat = NOW_S - 60;
        for (String bad : new String[] {iat + ".0", iat + ".5", "1.89e9", "1E9", String.valueOf(iat * 1000),
                "-1", "253402300800", "99999999999999999999", "1" + "0".repeat(400), "null"}) {
            assertRejected(forge(h, withClaim("iat", bad), K1), Rejection.BAD_CLAIMS);
            assertRejected(forge(h, withClaim("exp", bad), K1), Rejection.BAD_CLAIMS);
            assertRejected(forge(h, withClaim("crt", bad), K1), Rejection.BAD_CLAIMS);
        }
    }

    @Test
    void decode_rejectsCreationAfterIssue() {
        assertRejected(forge(header("HS256", "k1"), claims(NOW_S - 60, NOW_S + 600, NOW_S - 59, 1800), K1),
                Rejection.BAD_CLAIMS);
    }

    @Test
    void decode_rejectsMalformedAttributeEncodings() {
        String h = header("HS256", "k1");
        for (String att : new String[] {"{\"a\":{\"$date\":\"x\"}}", "{\"a\":{\"$long\":\"1\",\"b\":1}}",
                "{\"a\":{\"b\":1,\"$long\":\"1\"}}", "{\"a\":{\"$long\":1}}", "{\"a\":{\"$long\":\"+1\"}}",
                "{\"a\":{\"$long\":\"01\"}}", "{\"a\":{\"$long\":\"9223372036854775808\"}}",
                "{\"a\":{\"$decimal\":\"abc\"}}", "{\"a\":{\"$decimal\":\"1.50e0\"}}", "{\"a\":{\"$map\":[1]}}",
                "{\"a\":2147483648}", "{\"a\":-2147483649}", "{\"a\":1e400}", "{\"a\":[{\"$x\":1}]}"}) {
            assertRejected(forge(h, payload(att), K1), Rejection.BAD_CLAIMS);
        }
    }

    @Test
    void decode_ignoresUnknownClaims() {
        String extra = payload("{}").replace("{\"aud\"", "{\"nxt\":{\"a\":[1,2.5,\"$x\"]},\"aud\"");
        assertThat(codec.decode(forge(header("HS256", "k1"), extra, K1))).isInstanceOf(DecodeResult.Valid.class);
        String duplicateInside = payload("{}").replace("{\"aud\"", "{\"nxt\":{\"a\":1,\"a\":1},\"aud\"");
        assertRejected(forge(header("HS256", "k1"), duplicateInside, K1), Rejection.BAD_CLAIMS);
    }

    @Test
    void decode_rejectsForeignAudience() {
        JwsSessionCodec other = Fixtures.codec(KeyRing.of(K1, K2), Fixtures.options().build());
        JwsSessionCodec admin = new JwsSessionCodec(KeyRing.of(K1), dev.steadfast.codec.CodecOptions.builder("/admin")
                .clock(Fixtures.CLOCK).build());
        assertThat(other.decode(valid)).isInstanceOf(DecodeResult.Valid.class);
        assertRejected(admin.decode(valid), Rejection.WRONG_AUDIENCE);
    }

    @Test
    void decode_rejectsNotYetValidBeyondLeeway() {
        String h = header("HS256", "k1");
        assertThat(codec.decode(forge(h, claims(NOW_S + 30, NOW_S + 600, NOW_S, 1800), K1)))
                .isInstanceOf(DecodeResult.Valid.class);
        assertRejected(forge(h, claims(NOW_S + 31, NOW_S + 600, NOW_S, 1800), K1), Rejection.NOT_YET_VALID);
    }

    @Test
    void decode_rejectsExpired() {
        String h = header("HS256", "k1");
        // exp + leeway <= now
        assertRejected(forge(h, claims(NOW_S - 100, NOW_S - 30, NOW_S - 100, 0), K1), Rejection.EXPIRED);
        assertThat(codec.decode(forge(h, claims(NOW_S - 100, NOW_S - 29, NOW_S - 100, 0), K1)))
                .isInstanceOf(DecodeResult.Valid.class);
        // Through the encoder: last access 31 minutes ago with a 30-minute idle limit.
        String idle = codec.encode(session().creationTime(NOW.minusSeconds(4000))
                .lastAccessedTime(NOW.minusSeconds(1831)).build());
        assertRejected(idle, Rejection.EXPIRED);
    }

    @Test
    void decode_rejectsIdleExpiredEvenWithLaterExp() {
        String h = header("HS256", "k1");
        assertRejected(forge(h, claims(NOW_S - 1830, NOW_S + 3600, NOW_S - 1830, 1800), K1), Rejection.EXPIRED);
        assertThat(codec.decode(forge(h, claims(NOW_S - 1829, NOW_S + 3600, NOW_S - 1829, 1800), K1)))
                .isInstanceOf(DecodeResult.Valid.class);
    }

    @Test
    void decode_rejectsAbsoluteTimeoutUnderCurrentOptions() {
        String cookie = codec.encode(session().creationTime(NOW.minus(Duration.ofHours(2))).build());
        assertThat(codec.decode(cookie)).isInstanceOf(DecodeResult.Valid.class);
        JwsSessionCodec shortened = Fixtures.codec(KeyRing.of(K1),
                options().absoluteTimeout(Duration.ofHours(1)).build());
        assertRejected(shortened.decode(cookie), Rejection.ABSOLUTE_TIMEOUT);
    }

    @Test
    void decode_hasATestForEveryRejection() {
        // Run the cases above in one place so this holds regardless of test order.
        decode_rejectsNullAsOversized();
        decode_rejectsWrongSegmentCounts();
        decode_rejectsHeaderThatIsNotOurShape();
        decode_rejectsForbiddenHeader("jku");
        decode_rejectsWrongType();
        decode_rejectsUnknownKid();
        decode_rejectsRetiredKid();
        decode_rejectsAlgorithmOtherThanTheKeys("none");
        decode_rejectsBitFlipInEachSegment();
        decode_rejectsDuplicateClaims();
        decode_rejectsForeignAudience();
        decode_rejectsNotYetValidBeyondLeeway();
        decode_rejectsExpired();
        decode_rejectsAbsoluteTimeoutUnderCurrentOptions();
        assertThat(SEEN).containsExactlyInAnyOrder(Rejection.values());
    }
}
