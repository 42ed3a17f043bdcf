package dev.steadfast.impl.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.SessionData;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.testsupport.Secrets;

/** Keys, a fixed clock and a token forger shared by the codec tests. */
final class Fixtures {

    static final String SECRET_1 =
            Secrets.register("9f2c5e0b7a41d8e3c6b05f9a2e7d1c48b3a6f0e9d2c5b8a1f4e7d0c3b6a9f2e5");
    static final String SECRET_2 =
            Secrets.register("1d4a7f0c3e6b9d2a5f8c1e4b7a0d3f6c9e2b5a8d1f4c7e0a3d6b9f2c5e8a1d4f");
    static final String SECRET_512 = Secrets.register(SECRET_1 + SECRET_2);
    static final SigningKey K1 = SigningKey.of("k1", Algorithm.HS256, SecretBytes.fromUtf8(SECRET_1));
    static final SigningKey K2 = SigningKey.of("k2", Algorithm.HS256, SecretBytes.fromUtf8(SECRET_2));
    static final SigningKey K512 = SigningKey.of("k512", Algorithm.HS512, SecretBytes.fromUtf8(SECRET_512));

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String AUDIENCE = "/shop";

    private Fixtures() {
    }

    static CodecOptions.Builder options() {
        return CodecOptions.builder(AUDIENCE).clock(CLOCK);
    }

    static JwsSessionCodec codec() {
        return new JwsSessionCodec(KeyRing.of(K1, K2, K512), options().build());
    }

    static JwsSessionCodec codec(KeyRing ring, CodecOptions options) {
        return new JwsSessionCodec(ring, options);
    }

    static SessionData.Builder session() {
        return SessionData.builder()
                .id("sid-0123456789")
                .creationTime(NOW.minusSeconds(600))
                .lastAccessedTime(NOW.minusSeconds(60))
                .maxInactiveInterval(Duration.ofMinutes(30))
                .attribute("user", "alice");
    }

    static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String fromB64(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    static String header(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"steadfast-session+jwt\"}";
    }

    /** A payload in our format at the fixed clock, with {@code att} as given. */
    static String payload(String att) {
        long now = NOW.getEpochSecond();
        return "{\"aud\":\"" + AUDIENCE + "\",\"sid\":\"s1\",\"iat\":" + (now - 60) + ",\"exp\":" + (now + 1740)
                + ",\"crt\":" + (now - 600) + ",\"mii\":1800,\"att\":" + att + "}";
    }

    /** Signs arbitrary header and payload JSON with a key's secret, bypassing the codec's encoder. */
    static String forge(String headerJson, String payloadJson, SigningKey key) {
        String signingInput = b64(headerJson) + "." + b64(payloadJson);
        return signingInput + "." + b64(hmac(key, signingInput));
    }

    static byte[] hmac(SigningKey key, String signingInput) {
        try {
            Mac mac = Mac.getInstance(key.algorithm().jcaName());
            mac.init(new SecretKeySpec(key.secret().toByteArray(), key.algorithm().jcaName()));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
