package dev.steadfast.impl.bench;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;

/**
 * The cost of one request's cookie work against its floor (one HMAC) and against a general-purpose JOSE library.
 * Runs only with {@code -Pbench}; it is not a JUnit test.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

    private static final String SECRET = "9f2c5e0b7a41d8e3c6b05f9a2e7d1c48b3a6f0e9d2c5b8a1f4e7d0c3b6a9f2e5";
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private JwsSessionCodec codec;
    private String cookie;
    private byte[] signingInput;
    private Mac mac;
    private MACVerifier verifier;
    private MACSigner signer;

    @Setup
    public void setUp() throws Exception {
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        codec = new JwsSessionCodec(KeyRing.of(SigningKey.of("k1", Algorithm.HS256, SecretBytes.copyOf(secret))),
                CodecOptions.builder("/shop").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        cookie = codec.encode(session());
        signingInput = cookie.substring(0, cookie.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        verifier = new MACVerifier(secret);
        signer = new MACSigner(secret);
    }

    /** About 1 KB of attributes of every kind. */
    static SessionData session() {
        List<Object> cart = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", "SKU-" + (100_000 + i));
            line.put("qty", i + 1);
            line.put("price", new BigDecimal("19.9" + i));
            line.put("weight", 0.25 * i + 0.5);
            cart.add(line);
        }
        return SessionData.builder()
                .id("3q2-7wEjT0hQ1xk9VbY5mZt8Lr6PaNcD")
                .creationTime(NOW.minusSeconds(600))
                .lastAccessedTime(NOW.minusSeconds(60))
                .maxInactiveInterval(Duration.ofMinutes(30))
                .attribute("user", "alice@example.com")
                .attribute("roles", List.of("customer", "newsletter", "beta"))
                .attribute("loginAt", 1_893_455_400_000L)
                .attribute("locale", "en-GB")
                .attribute("csrf", "b5cf1f3c9d8e4a7b2c6d0e1f3a5b7c9d")
                .attribute("cart", cart)
                .attribute("flags", Map.of("darkMode", true))
                .build();
    }

    @Benchmark
    public String roundTrip() {
        DecodeResult.Valid valid = (DecodeResult.Valid) codec.decode(cookie);
        return codec.encode(valid.session());
    }

    @Benchmark
    public DecodeResult decodeOnly() {
        return codec.decode(cookie);
    }

    @Benchmark
    public byte[] rawHmac() {
        return mac.doFinal(signingInput);
    }

    @Benchmark
    public String nimbusRoundTrip() throws Exception {
        SignedJWT parsed = SignedJWT.parse(cookie);
        if (!parsed.verify(verifier)) {
            throw new IllegalStateException("nimbus did not verify");
        }
        JWTClaimsSet claims = parsed.getJWTClaimsSet();
        JWSHeader header = parsed.getHeader();
        SignedJWT fresh = new SignedJWT(header, claims);
        fresh.sign(signer);
        return fresh.serialize();
    }
}
