package dev.steadfast.tck.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastSpiTest;
import dev.steadfast.tck.support.Jws;
import dev.steadfast.tck.support.TestKeys;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The session codec of the provider under test, through {@code SteadfastProvider.sessionCodec} only: the wire format,
 * and every way a cookie value must be refused. Cookies the implementation must refuse are forged by the kit
 * ({@link Jws}) from the format in the spec, with the secret the test configured.
 */
@SteadfastSpiTest
class CodecConformanceTest {

    private static final String AUD = "/tck";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final long T = NOW.getEpochSecond();

    private final String secret = TestKeys.secret();
    private final String otherSecret = TestKeys.secret();
    private final SigningKey k1 = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8(secret));
    private final SigningKey k2 = SigningKey.of("k2", Algorithm.HS256, SecretBytes.fromUtf8(otherSecret));

    private static CodecOptions options(Instant now) {
        return CodecOptions.builder(AUD).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private static SessionCodec codec(KeyRing ring) {
        return ProviderUnderTest.get().sessionCodec(ring, options(NOW));
    }

    private SessionCodec codec() {
        return codec(KeyRing.of(k1));
    }

    private static SessionData session(Map<String, ?> attributes) {
        return SessionData.builder().id("tck-session-0001-abcdef").creationTime(NOW.minusSeconds(60))
                .lastAccessedTime(NOW).maxInactiveInterval(Duration.ofMinutes(30)).attributes(attributes).build();
    }

    private String forged(String headerJson, String payloadJson) {
        return Jws.sign("HmacSHA256", secret, headerJson, payloadJson);
    }

    private String validClaims() {
        return Jws.claims(AUD, "sid-1", T, T + 1800, T - 60, 1800, "{}");
    }

    private static Rejection rejection(DecodeResult result) {
        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected) result).reason();
    }

    private static SessionData valid(DecodeResult result) {
        assertThat(result).as("decode result").isInstanceOf(DecodeResult.Valid.class);
        return ((DecodeResult.Valid) result).session();
    }

    @Test
    @Clause("CODEC-1")
    @Clause("CODEC-2")
    @Clause("COOKIE-6")
    void encode_writesCompactJwsWithExactlyAlgKidTypHeader() {
        String token = codec().encode(session(Map.of("a", "b")));

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        Map<String, Object> header = Jws.parse(token).headerJson();
        assertThat(header).containsOnlyKeys("alg", "kid", "typ")
                .containsEntry("alg", "HS256").containsEntry("kid", "k1")
                .containsEntry("typ", "steadfast-session+jwt");
        assertThat(header.keySet()).containsExactly("alg", "kid", "typ");
    }

    @Test
    @Clause("CODEC-3")
    @Clause("CODEC-22")
    void encode_writesTheSpecifiedClaims() {
        SessionData s = SessionData.builder().id("sid-claims").creationTime(NOW.minusSeconds(100).plusMillis(900))
                .lastAccessedTime(NOW.plusMillis(500)).maxInactiveInterval(Duration.ofSeconds(600))
                .attribute("n", 1).build();

        Map<String, Object> claims = Jws.parse(codec().encode(s)).payloadJson();

        assertThat(claims).containsKeys("aud", "sid", "iat", "exp", "crt", "mii", "att");
        assertThat(claims.get("aud")).isEqualTo(AUD);
        assertThat(claims.get("sid")).isEqualTo("sid-claims");
        assertThat(claims.get("iat")).isEqualTo(BigDecimal.valueOf(T));
        assertThat(claims.get("crt")).isEqualTo(BigDecimal.valueOf(T - 100));
        assertThat(claims.get("mii")).isEqualTo(BigDecimal.valueOf(600));
        // exp is the earlier of the idle expiry and the absolute expiry (default absolute timeout 12h).
        assertThat(claims.get("exp")).isEqualTo(BigDecimal.valueOf(T + 600));
        assertThat(claims.get("att")).isEqualTo(Map.of("n", BigDecimal.ONE));

        SessionData back = valid(codec().decode(codec().encode(s)));
        assertThat(back.creationTime()).isEqualTo(Instant.ofEpochSecond(T - 100));
        assertThat(back.lastAccessedTime()).isEqualTo(Instant.ofEpochSecond(T));
    }

    @Test
    @Clause("CODEC-3")
    void encode_expIsAbsoluteExpiryWhenIdleExpiryIsLaterOrAbsent() {
        SessionData s = SessionData.builder().id("sid-abs").creationTime(NOW.minus(Duration.ofHours(11)))
                .lastAccessedTime(NOW).maxInactiveInterval(Duration.ZERO).build();

        Map<String, Object> claims = Jws.parse(codec().encode(s)).payloadJson();

        assertThat(claims.get("exp")).isEqualTo(BigDecimal.valueOf(T - 11 * 3600 + 12 * 3600));
        assertThat(claims.get("mii")).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    @Clause("CODEC-7")
    @Clause("KEYS-7")
    void encode_macIsPlainHmacOfSigningInputWithSecretUtf8Bytes() {
        Jws.Parts parts = Jws.parse(codec().encode(session(Map.of())));

        assertThat(parts.signature()).isEqualTo(Jws.hmac("HmacSHA256", secret, parts.signingInput()));
    }

    @Test
    @Clause("CODEC-7")
    void decode_acceptsCookieBuiltByAnotherJwsProducer() {
        String token = forged(Jws.header("HS256", "k1"),
                Jws.claims(AUD, "sid-foreign-producer", T, T + 1800, T - 60, 1800, "{\"user\":\"ada\"}"));

        SessionData s = valid(codec().decode(token));

        assertThat(s.id()).isEqualTo("sid-foreign-producer");
        assertThat(s.attributes()).containsEntry("user", "ada");
    }

    @Test
    @Clause("CODEC-4")
    @Clause("SESSION-6")
    void attributes_roundTripKeepingTheirJavaTypes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("$weird", 1L);
        nested.put("plain", List.of(1, 2.5, "x"));
        Map<String, Object> att = new LinkedHashMap<>();
        att.put("s", "text");
        att.put("b", Boolean.TRUE);
        att.put("i", 42);
        att.put("l", 9_007_199_254_740_993L);
        att.put("d", 2.0);
        att.put("bd", new BigDecimal("1.50"));
        att.put("nul", null);
        att.put("list", new ArrayList<>(List.of(1, "two", 3L)));
        att.put("map", nested);

        SessionData back = valid(codec().decode(codec().encode(session(att))));

        assertThat(back.attributes()).containsOnlyKeys(att.keySet().toArray(new String[0]));
        assertThat(back.attributes().get("s")).isEqualTo("text");
        assertThat(back.attributes().get("b")).isEqualTo(Boolean.TRUE);
        assertThat(back.attributes().get("i")).isInstanceOf(Integer.class).isEqualTo(42);
        assertThat(back.attributes().get("l")).isInstanceOf(Long.class).isEqualTo(9_007_199_254_740_993L);
        assertThat(back.attributes().get("d")).isInstanceOf(Double.class).isEqualTo(2.0);
        assertThat(back.attributes().get("bd")).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal("1.50"));
        assertThat(back.attributes().get("nul")).isNull();
        assertThat(back.attributes().get("list")).isEqualTo(List.of(1, "two", 3L));
        assertThat(back.attributes().get("map")).isEqualTo(nested);
    }

    @Test
    @Clause("CODEC-4")
    void attributes_useTheTaggedWireEncoding() {
        Map<String, Object> att = new LinkedHashMap<>();
        att.put("l", 5L);
        att.put("bd", new BigDecimal("1.50"));
        att.put("d", 2.0);
        att.put("i", 2);
        att.put("m", Map.of("$x", "y"));

        Jws.Parts parts = Jws.parse(codec().encode(session(att)));

        String payload = parts.payload();
        assertThat(payload).contains("\"l\":{\"$long\":\"5\"}").contains("\"bd\":{\"$decimal\":\"1.50\"}")
                .contains("\"m\":{\"$map\":{\"$x\":\"y\"}}").contains("\"i\":2");
        // A Double always carries a fraction or an exponent, which tells it from an Integer.
        assertThat(((BigDecimal) ((Map<?, ?>) parts.payloadJson().get("att")).get("d")).scale()).isPositive();
    }

    @Test
    @Clause("CODEC-5")
    void encode_refusesUnsupportedTypeNamingAttributeAndTypeNotValue() {
        Object value = new StringBuilder("sb-value-never-shown");

        Throwable thrown = catchThrowable(() -> codec().encode(session(Map.of("cart", value))));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).contains("cart").contains(StringBuilder.class.getName())
                .doesNotContain("sb-value-never-shown");
    }

    @Test
    @Clause("CODEC-6")
    void encode_refusesSessionLargerThanMaxSize() {
        SessionCodec small = ProviderUnderTest.get().sessionCodec(KeyRing.of(k1),
                CodecOptions.builder(AUD).maxSize(400).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());

        assertThatThrownBy(() -> small.encode(session(Map.of("big", "x".repeat(500)))))
                .isInstanceOf(SessionTooLargeException.class)
                .satisfies(e -> assertThat(((SessionTooLargeException) e).limit()).isEqualTo(400));
    }

    @Test
    @Clause("CHUNK-2")
    @Clause("CODEC-6")
    void maxSizeAboveOneCookie_boundsTheWholeEncodedSession() {
        // With chunking the budget spans several cookies: the codec itself must accept sessions beyond one cookie.
        SessionCodec wide = ProviderUnderTest.get().sessionCodec(KeyRing.of(k1),
                CodecOptions.builder(AUD).maxSize(6000).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());

        String token = wide.encode(session(Map.of("big", "x".repeat(4000))));

        assertThat(token.length()).isBetween(3801, 6000);
        assertThat(valid(wide.decode(token)).attributes()).containsEntry("big", "x".repeat(4000));
        assertThatThrownBy(() -> wide.encode(session(Map.of("big", "x".repeat(5000)))))
                .isInstanceOf(SessionTooLargeException.class)
                .satisfies(e -> assertThat(((SessionTooLargeException) e).limit()).isEqualTo(6000));
        assertThat(rejection(codec().decode(token))).as("the default budget is one cookie")
                .isEqualTo(Rejection.OVERSIZED);
    }

    @Test
    @Clause("CODEC-20")
    @Clause("RESTART-1")
    void decode_secondCodecOverSameKeyRingVerifiesFirstCodecsCookie() {
        KeyRing ring = KeyRing.of(k1);
        String token = codec(ring).encode(session(Map.of("count", 3)));

        SessionData back = valid(codec(ring).decode(token));

        assertThat(back.attributes()).containsEntry("count", 3);
    }

    @Test
    @Clause("CODEC-20")
    void decode_codecOverEqualKeysBuiltSeparatelyVerifies() {
        String token = codec(KeyRing.of(k1)).encode(session(Map.of("count", 3)));
        SigningKey same = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8(secret));

        assertThat(codec(KeyRing.of(same)).decode(token)).isInstanceOf(DecodeResult.Valid.class);
    }

    @Test
    @Clause("CODEC-21")
    @Clause("CODEC-12")
    void decode_codecWithDifferentSecretUnderSameKidRejectsBadSignature() {
        String token = codec().encode(session(Map.of()));
        SigningKey impostor = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8(otherSecret));

        assertThat(rejection(codec(KeyRing.of(impostor)).decode(token))).isEqualTo(Rejection.BAD_SIGNATURE);
    }

    @Test
    @Clause("CODEC-12")
    void decode_rejectsTamperedPayloadOrSignature() {
        String token = codec().encode(session(Map.of("role", "user")));
        String[] s = token.split("\\.");
        String badSig = s[0] + "." + s[1] + "." + Jws.b64(new byte[32]);

        assertThat(rejection(codec().decode(Jws.tamperPayload(token)))).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(rejection(codec().decode(badSig))).isEqualTo(Rejection.BAD_SIGNATURE);
    }

    @Test
    @Clause("CODEC-19")
    @Clause("ROTATE-1")
    @Clause("KEYS-1")
    void decode_namesVerifyingKeyAndAsksForResignWhenNotPrimary() {
        String byK1 = codec(KeyRing.of(k1)).encode(session(Map.of()));
        SessionCodec rotated = codec(KeyRing.of(k2, k1));

        DecodeResult result = rotated.decode(byK1);
        String reissued = rotated.encode(valid(result));

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Valid.class, v -> {
            assertThat(v.keyId()).isEqualTo("k1");
            assertThat(v.needsResign()).isTrue();
        });
        assertThat(Jws.parse(reissued).headerJson()).containsEntry("kid", "k2");
        assertThat(rotated.decode(reissued)).isInstanceOfSatisfying(DecodeResult.Valid.class,
                v -> assertThat(v.needsResign()).isFalse());
    }

    @Test
    @Clause("CODEC-8")
    void decode_neverThrowsAndRejectsGarbage() {
        List<String> garbage = Arrays.asList(null, "", ".", "..", "a.b", "a.b.c.d", "not a cookie", "é.é.é",
                "eyJ.eyJ.", "x".repeat(10_000), "\u0000.\u0000.\u0000");

        for (String g : garbage) {
            assertThat(codec().decode(g)).as("decode(%s)", g == null ? "null" : g.length() > 20 ? "long" : g)
                    .isInstanceOf(DecodeResult.Rejected.class);
        }
    }

    @Test
    @Clause("CODEC-9")
    @Clause("CODEC-17")
    void decode_rejectsOversizedBeforeParsingAndMalformedShapes() {
        String token = codec().encode(session(Map.of()));
        String[] s = token.split("\\.");

        assertThat(rejection(codec().decode(token + "A".repeat(4000)))).isEqualTo(Rejection.OVERSIZED);
        assertThat(rejection(codec().decode(s[0] + "." + s[1]))).isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(codec().decode(token + ".x"))).isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(codec().decode(s[0] + "." + s[1] + "=." + s[2]))).isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(codec().decode(s[0] + "." + s[1] + "." + s[2].replace('-', '+').replace('_', '/')
                + "+"))).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    @Clause("CODEC-10")
    void decode_neverTakesTheAlgorithmFromTheHeader() {
        String claims = validClaims();
        String hs384 = Jws.sign("HmacSHA384", secret, Jws.header("HS384", "k1"), claims);
        String hs512 = Jws.sign("HmacSHA512", secret, Jws.header("HS512", "k1"), claims);
        String noneInput = Jws.b64(Jws.header("none", "k1")) + "." + Jws.b64(claims);
        String none = noneInput + ".";
        String noneWithMac = noneInput + "." + Jws.b64(Jws.hmac("HmacSHA256", secret, noneInput));
        String lower = Jws.sign("HmacSHA256", secret, Jws.header("hs256", "k1"), claims);

        for (String token : List.of(hs384, hs512, none, noneWithMac, lower)) {
            assertThat(codec().decode(token)).as(Jws.parse(token).header()).isInstanceOf(DecodeResult.Rejected.class);
        }
        assertThat(rejection(codec().decode(hs384))).isEqualTo(Rejection.ALGORITHM_MISMATCH);
        assertThat(rejection(codec().decode(noneWithMac))).isEqualTo(Rejection.ALGORITHM_MISMATCH);
        assertThat(rejection(codec().decode(lower))).isEqualTo(Rejection.ALGORITHM_MISMATCH);
    }

    @Test
    @Clause("CODEC-11")
    @Clause("CODEC-9")
    void decode_rejectsUnknownKidBeforeCheckingTheMac() {
        String known = forged(Jws.header("HS256", "k9"), validClaims());
        String garbageMac = Jws.b64(Jws.header("HS256", "k9")) + "." + Jws.b64(validClaims()) + "."
                + Jws.b64(new byte[32]);

        assertThat(rejection(codec().decode(known))).isEqualTo(Rejection.UNKNOWN_KEY);
        assertThat(rejection(codec().decode(garbageMac))).isEqualTo(Rejection.UNKNOWN_KEY);
    }

    @Test
    @Clause("CODEC-9")
    void decode_checksTheMacBeforeReadingClaims() {
        String input = Jws.b64(Jws.header("HS256", "k1")) + "." + Jws.b64("{not json");

        assertThat(rejection(codec().decode(input + "." + Jws.b64(new byte[32])))).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(rejection(codec().decode(input + "." + Jws.b64(Jws.hmac("HmacSHA256", secret, input)))))
                .isEqualTo(Rejection.BAD_CLAIMS);
    }

    @Test
    @Clause("CODEC-15")
    @Clause("CODEC-16")
    void decode_rejectsHeadersOtherThanExactlyAlgKidTyp() {
        String claims = validClaims();
        String jku = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\",\"jku\":\"https://x\"}";
        String crit = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\",\"crit\":[\"exp\"]}";
        String extra = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\",\"x\":1}";
        String noTyp = "{\"alg\":\"HS256\",\"kid\":\"k1\"}";
        String jwtTyp = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}";
        String notJson = "{\"alg\":";

        assertThat(rejection(codec().decode(forged(jku, claims)))).isEqualTo(Rejection.FORBIDDEN_HEADER);
        assertThat(rejection(codec().decode(forged(crit, claims)))).isEqualTo(Rejection.FORBIDDEN_HEADER);
        assertThat(rejection(codec().decode(forged(extra, claims)))).isEqualTo(Rejection.BAD_HEADER);
        assertThat(rejection(codec().decode(forged(noTyp, claims)))).isEqualTo(Rejection.BAD_HEADER);
        assertThat(rejection(codec().decode(forged(notJson, claims)))).isEqualTo(Rejection.BAD_HEADER);
        assertThat(rejection(codec().decode(forged(jwtTyp, claims)))).isEqualTo(Rejection.WRONG_TYPE);
    }

    @Test
    @Clause("CODEC-18")
    void decode_rejectsBadClaimsEvenWithAValidMac() {
        String h = Jws.header("HS256", "k1");
        List<String> bad = List.of(
                "{\"aud\":\"/tck\",\"iat\":" + T + ",\"exp\":" + (T + 60) + ",\"crt\":" + T + ",\"mii\":60,\"att\":{}}",
                Jws.claims(AUD, "s", T, T + 60, T, 60, "{}").replace("\"iat\":" + T, "\"iat\":\"" + T + "\""),
                Jws.claims(AUD, "s", T, T + 60, T, 60, "{}").replace("\"iat\":" + T, "\"iat\":" + T + ".5"),
                Jws.claims(AUD, "s", T, T + 60, T, 60, "[]"),
                Jws.claims(AUD, "s", T, T + 60, T, 60, "{\"a\":1,\"a\":2}"),
                Jws.claims(AUD, "s", T, T + 60, T, 60, "{\"a\":{\"$nope\":\"1\"}}"),
                Jws.claims(AUD, "s", T, T + 60, T + 10, 60, "{}"),
                Jws.claims(AUD, "", T, T + 60, T, 60, "{}"));

        for (String claims : bad) {
            assertThat(rejection(codec().decode(forged(h, claims)))).as(claims).isEqualTo(Rejection.BAD_CLAIMS);
        }
    }

    @Test
    @Clause("CODEC-18")
    void decode_ignoresUnknownClaims() {
        String claims = validClaims().replace("\"att\":", "\"future\":{\"v\":2},\"att\":");

        assertThat(codec().decode(forged(Jws.header("HS256", "k1"), claims))).isInstanceOf(DecodeResult.Valid.class);
    }

    @Test
    @Clause("CODEC-13")
    @Clause("RESTART-2")
    void decode_rejectsAnotherApplicationsAudience() {
        String other = forged(Jws.header("HS256", "k1"), Jws.claims("/other", "s", T, T + 60, T, 60, "{}"));

        assertThat(rejection(codec().decode(other))).isEqualTo(Rejection.WRONG_AUDIENCE);
    }

    @Test
    @Clause("CODEC-14")
    @Clause("SESSION-18")
    @Clause("SESSION-19")
    void decode_appliesTimeChecksWithTheClockLeeway() {
        String h = Jws.header("HS256", "k1");
        // Default leeway is 30 s.
        String future = forged(h, Jws.claims(AUD, "s", T + 31, T + 600, T + 31, 600, "{}"));
        String slightlyFuture = forged(h, Jws.claims(AUD, "s", T + 29, T + 600, T + 29, 600, "{}"));
        String idle = forged(h, Jws.claims(AUD, "s", T - 631, T + 3600, T - 700, 600, "{}"));
        String idleInLeeway = forged(h, Jws.claims(AUD, "s", T - 620, T + 3600, T - 700, 600, "{}"));
        String expClaim = forged(h, Jws.claims(AUD, "s", T - 100, T - 31, T - 100, 0, "{}"));
        String absolute = forged(h, Jws.claims(AUD, "s", T - 10, T + 600, T - 12 * 3600 - 31, 0, "{}"));

        assertThat(rejection(codec().decode(future))).isEqualTo(Rejection.NOT_YET_VALID);
        assertThat(codec().decode(slightlyFuture)).isInstanceOf(DecodeResult.Valid.class);
        assertThat(rejection(codec().decode(idle))).isEqualTo(Rejection.EXPIRED);
        assertThat(codec().decode(idleInLeeway)).isInstanceOf(DecodeResult.Valid.class);
        assertThat(rejection(codec().decode(expClaim))).isEqualTo(Rejection.EXPIRED);
        // The absolute timeout configured now applies, whatever exp the cookie was issued with.
        assertThat(rejection(codec().decode(absolute))).isEqualTo(Rejection.ABSOLUTE_TIMEOUT);
    }

    @Test
    @Clause("CODEC-14")
    void decode_miiOfZeroMeansNoIdleExpiry() {
        String h = Jws.header("HS256", "k1");
        String noIdle = forged(h, Jws.claims(AUD, "s", T - 3 * 3600, T + 3600, T - 3 * 3600, 0, "{}"));

        assertThat(valid(codec().decode(noIdle)).maxInactiveInterval()).isEqualTo(Duration.ZERO);
    }

    @Test
    @Clause("KEYS-8")
    @Clause("ROTATE-4")
    void decode_rejectsKeyPastItsRetireAtWithoutAnyRedeploy() {
        SigningKey retiring = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8(secret), null,
                NOW.plusSeconds(60));
        KeyRing ring = KeyRing.of(k2, retiring);
        String token = forged(Jws.header("HS256", "k1"), validClaims());

        SessionCodec before = ProviderUnderTest.get().sessionCodec(ring, options(NOW));
        SessionCodec after = ProviderUnderTest.get().sessionCodec(ring, options(NOW.plusSeconds(61)));

        assertThat(before.decode(token)).isInstanceOf(DecodeResult.Valid.class);
        assertThat(rejection(after.decode(token))).isEqualTo(Rejection.RETIRED_KEY);
    }
}
