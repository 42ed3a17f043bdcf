package dev.steadfast.tck.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.tck.support.Jwe;
import dev.steadfast.tck.support.Jws;
import dev.steadfast.tck.support.TestKeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

/**
 * What the ENC tests share: two keys with fresh secrets, codecs of the provider under test in either format, and
 * cookies the kit seals itself ({@link Jwe}) under the key ENC-4 derives, so that only the clause under test can
 * reject them.
 */
final class EncryptedCookies {

    static final String AUD = "/tck";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final long T = NOW.getEpochSecond();

    final String secret = TestKeys.secret();
    final String otherSecret = TestKeys.secret();
    final SigningKey k1 = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8(secret));
    final SigningKey k2 = SigningKey.of("k2", Algorithm.HS256, SecretBytes.fromUtf8(otherSecret));

    static CodecOptions.Builder options(String format) {
        return options(format, AUD);
    }

    static CodecOptions.Builder options(String format, String audience) {
        return CodecOptions.builder(audience).format(format).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static SessionCodec codec(KeyRing ring, CodecOptions options) {
        return ProviderUnderTest.get().sessionCodec(ring, options);
    }

    /** @return the provider's codec writing JWE over {@code ring}, audience {@link #AUD} */
    static SessionCodec jwe(KeyRing ring) {
        return codec(ring, options(CodecOptions.FORMAT_JWE).build());
    }

    /** @return the provider's codec writing JWS over {@code ring}, audience {@link #AUD} */
    static SessionCodec jws(KeyRing ring) {
        return codec(ring, options(CodecOptions.FORMAT_JWS).build());
    }

    /** @return the provider's JWE codec over k1 alone */
    SessionCodec jwe() {
        return jwe(KeyRing.of(k1));
    }

    static SessionData session(Map<String, ?> attributes) {
        return SessionData.builder().id("tck-session-0001-abcdef").creationTime(NOW.minusSeconds(60))
                .lastAccessedTime(NOW).maxInactiveInterval(Duration.ofMinutes(30)).attributes(attributes).build();
    }

    /** @return a claims set in the spec's format (CODEC-3), valid at {@link #NOW} for {@link #AUD} */
    static String validClaims() {
        return Jws.claims(AUD, "sid-1", T, T + 1800, T - 60, 1800, "{}");
    }

    /** @return k1's key-encryption key for {@link #AUD} (ENC-4) */
    byte[] kek() {
        return Jwe.derivedKey(secret, AUD);
    }

    /** @return the claims sealed by the kit under k1's derived key, with the header text as given */
    String sealed(String headerJson, String claims) {
        return Jwe.seal(headerJson, kek(), claims);
    }

    /** @return a cookie the kit sealed as Steadfast's, under k1 */
    String sealed(String claims) {
        return sealed(Jwe.header("k1"), claims);
    }

    static Rejection rejection(DecodeResult result) {
        assertThat(result).as("decode result").isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected) result).reason();
    }

    static DecodeResult.Valid valid(DecodeResult result) {
        assertThat(result).as("decode result").isInstanceOf(DecodeResult.Valid.class);
        return (DecodeResult.Valid) result;
    }

    /** @return the token with bit 0 of byte {@code index} of segment {@code segment} flipped, re-encoded canonically */
    static String flipped(String token, int segment, int index) {
        Jwe.Parts p = Jwe.parse(token);
        byte[] bytes = Base64.getUrlDecoder().decode(p.segments()[segment]);
        bytes[index] ^= 1;
        return Jwe.withSegment(token, segment, Jwe.b64(bytes));
    }
}
