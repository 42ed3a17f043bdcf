package dev.steadfast.tck.spi;

import static dev.steadfast.tck.spi.EncryptedCookies.AUD;
import static dev.steadfast.tck.spi.EncryptedCookies.NOW;
import static dev.steadfast.tck.spi.EncryptedCookies.T;
import static dev.steadfast.tck.spi.EncryptedCookies.rejection;
import static dev.steadfast.tck.spi.EncryptedCookies.session;
import static dev.steadfast.tck.spi.EncryptedCookies.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastSpiTest;
import dev.steadfast.tck.support.Jwe;
import dev.steadfast.tck.support.Jws;

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
 * The CODEC clauses that are not about JWS's header or MAC, with the encrypted format (ENC-10): types, sizes, claims,
 * times, audience, rotation and cross-instance behaviour are the same whatever the format.
 */
@SteadfastSpiTest
class EncryptedCodecCommonClausesTest {

    private final EncryptedCookies c = new EncryptedCookies();

    @Test
    @Clause("ENC-10")
    @Clause("CODEC-4")
    void attributes_roundTripKeepingTheirJavaTypes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("$weird", 1L);
        nested.put("plain", List.of(1, 2.5, "x"));
        Map<String, Object> att = new LinkedHashMap<>();
        att.put("s", "caf\u00e9 \ud83d\ude00");
        att.put("b", Boolean.TRUE);
        att.put("i", 42);
        att.put("l", 9_007_199_254_740_993L);
        att.put("d", 2.0);
        att.put("bd", new BigDecimal("1.50"));
        att.put("nul", null);
        att.put("list", new ArrayList<>(List.of(1, "two", 3L)));
        att.put("map", nested);

        SessionData back = valid(c.jwe().decode(c.jwe().encode(session(att)))).session();

        assertThat(back.attributes()).isEqualTo(att);
        assertThat(back.attributes().get("i")).isInstanceOf(Integer.class);
        assertThat(back.attributes().get("l")).isInstanceOf(Long.class);
        assertThat(back.attributes().get("d")).isInstanceOf(Double.class);
        assertThat(back.attributes().get("bd")).isInstanceOf(BigDecimal.class);
        assertThat(back.attributes().get("list")).isInstanceOf(ArrayList.class);
        assertThat(back.attributes().get("map")).isInstanceOf(LinkedHashMap.class);
    }

    @Test
    @Clause("ENC-10")
    @Clause("CODEC-5")
    void encode_refusesUnsupportedTypeNamingAttributeAndTypeNotValue() {
        Throwable thrown = catchThrowable(() -> c.jwe().encode(session(Map.of("cart",
                new StringBuilder("sb-value-never-shown")))));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).contains("cart").contains(StringBuilder.class.getName())
                .doesNotContain("sb-value-never-shown");
    }

    @Test
    @Clause("ENC-10")
    @Clause("CODEC-8")
    void decode_neverThrowsAndRejectsGarbage() {
        List<String> garbage = Arrays.asList(null, "", "....", "a.b.c.d.e", ".AAAA.AAAA.AAAA.AAAA", "é.é.é.é.é",
                "eyJ.eyJ.eyJ.eyJ.eyJ", "x".repeat(10_000), "\u0000.\u0000.\u0000.\u0000.\u0000");

        for (String g : garbage) {
            assertThat(c.jwe().decode(g)).as("decode(%s)", g == null ? "null" : g.length() > 20 ? "long" : g)
                    .isInstanceOf(DecodeResult.Rejected.class);
        }
    }

    @Test
    @Clause("ENC-10")
    @Clause("CODEC-3")
    @Clause("CODEC-22")
    @Clause("CODEC-13")
    @Clause("CODEC-14")
    @Clause("CODEC-18")
    void decode_appliesTheSameClaimChecksBehindTheTag() {
        String future = c.sealed(Jws.claims(AUD, "s", T + 31, T + 600, T + 31, 600, "{}"));
        String idle = c.sealed(Jws.claims(AUD, "s", T - 631, T + 3600, T - 700, 600, "{}"));
        String absolute = c.sealed(Jws.claims(AUD, "s", T - 10, T + 600, T - 12 * 3600 - 31, 0, "{}"));
        String otherAudience = c.sealed(Jws.claims("/other", "s", T, T + 60, T, 60, "{}"));
        String duplicate = c.sealed(Jws.claims(AUD, "s", T, T + 60, T, 60, "{\"a\":1,\"a\":2}"));
        String unknownClaim = c.sealed(EncryptedCookies.validClaims().replace("\"att\":", "\"future\":2,\"att\":"));
        SessionData subSecond = SessionData.builder().id("sid-ms").creationTime(NOW.minusSeconds(100).plusMillis(900))
                .lastAccessedTime(NOW.plusMillis(500)).build();

        assertThat(rejection(c.jwe().decode(future))).isEqualTo(Rejection.NOT_YET_VALID);
        assertThat(rejection(c.jwe().decode(idle))).isEqualTo(Rejection.EXPIRED);
        assertThat(rejection(c.jwe().decode(absolute))).isEqualTo(Rejection.ABSOLUTE_TIMEOUT);
        assertThat(rejection(c.jwe().decode(otherAudience))).isEqualTo(Rejection.WRONG_AUDIENCE);
        assertThat(rejection(c.jwe().decode(duplicate))).isEqualTo(Rejection.BAD_CLAIMS);
        assertThat(c.jwe().decode(unknownClaim)).isInstanceOf(DecodeResult.Valid.class);
        SessionData back = valid(c.jwe().decode(c.jwe().encode(subSecond))).session();
        assertThat(back.creationTime()).isEqualTo(Instant.ofEpochSecond(T - 100));
        assertThat(back.lastAccessedTime()).isEqualTo(Instant.ofEpochSecond(T));
    }

    @Test
    @Clause("ENC-10")
    @Clause("CODEC-19")
    @Clause("ROTATE-1")
    void decode_namesTheKeyThatOpenedItAndAsksForReissueWhenNotPrimary() {
        String byK1 = EncryptedCookies.jwe(KeyRing.of(c.k1)).encode(session(Map.of()));
        SessionCodec rotated = EncryptedCookies.jwe(KeyRing.of(c.k2, c.k1));

        DecodeResult.Valid result = valid(rotated.decode(byK1));
        String reissued = rotated.encode(result.session());

        assertThat(result.keyId()).isEqualTo("k1");
        assertThat(result.needsResign()).isTrue();
        assertThat(Jwe.parse(reissued).headerJson()).containsEntry("kid", "k2");
        assertThat(valid(rotated.decode(reissued)).needsResign()).isFalse();
    }

    @Test
    @Clause("ENC-10")
    @Clause("CODEC-20")
    @Clause("CODEC-21")
    void decode_equalKeysOpenAndAnotherSecretUnderTheSameKidDoesNot() {
        String token = c.jwe().encode(session(Map.of("count", 3)));
        SigningKey same = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8(c.secret));
        SigningKey impostor = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8(c.otherSecret));

        assertThat(valid(EncryptedCookies.jwe(KeyRing.of(same)).decode(token)).session().attributes())
                .containsEntry("count", 3);
        assertThat(rejection(EncryptedCookies.jwe(KeyRing.of(impostor)).decode(token)))
                .isEqualTo(Rejection.BAD_SIGNATURE);
    }

    @Test
    @Clause("ENC-10")
    @Clause("KEYS-8")
    void decode_rejectsAKeyPastItsRetireAt() {
        SigningKey retiring = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8(c.secret), null,
                NOW.plusSeconds(60));
        KeyRing ring = KeyRing.of(c.k2, retiring);
        String token = c.sealed(EncryptedCookies.validClaims());
        CodecOptions later = CodecOptions.builder(AUD).format(CodecOptions.FORMAT_JWE)
                .clock(Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC)).build();

        assertThat(EncryptedCookies.jwe(ring).decode(token)).isInstanceOf(DecodeResult.Valid.class);
        assertThat(rejection(EncryptedCookies.codec(ring, later).decode(token))).isEqualTo(Rejection.RETIRED_KEY);
    }

    @Test
    @Clause("ENC-10")
    @Clause("CODEC-3")
    void decode_idleLimitOfZeroMeansNone() {
        SessionData noIdle = SessionData.builder().id("sid-no-idle").creationTime(NOW.minus(Duration.ofHours(3)))
                .lastAccessedTime(NOW).maxInactiveInterval(Duration.ZERO).build();

        assertThat(valid(c.jwe().decode(c.jwe().encode(noIdle))).session().maxInactiveInterval())
                .isEqualTo(Duration.ZERO);
    }
}
