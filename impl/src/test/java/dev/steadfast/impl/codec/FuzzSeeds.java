package dev.steadfast.impl.codec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.steadfast.codec.SessionData;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.testsupport.Secrets;

/**
 * The codec the fuzz targets attack, the cookies it accepts, and the seed corpus. Everything is deterministic (fixed
 * keys, fixed clock {@link Fixtures#NOW}), so the committed seeds stay valid and a value the codec accepts can be
 * compared with the set this class minted.
 *
 * <p>{@code main} rewrites the seed files: {@code mvn -pl impl -am test-compile} then run this class with the test
 * class path and {@code impl/src/test/resources} as argument. {@link FuzzSeedsTest} checks the committed files.
 */
final class FuzzSeeds {

    static final String COOKIE = "steadfast";
    /** A key in the ring whose retire-at has passed at {@link Fixtures#NOW}. */
    static final SigningKey RETIRED = SigningKey.of("old", Algorithm.HS256,
            SecretBytes.fromUtf8(Secrets.register("b7e1c0d9a8f7e6d5c4b3a2918070605040302010fedcba9876543210abcdef01")),
            Fixtures.NOW.minus(Duration.ofDays(400)), Fixtures.NOW.minus(Duration.ofDays(1)));
    static final KeyRing RING = KeyRing.of(Fixtures.K1, Fixtures.K2, Fixtures.K512, RETIRED);

    static final String VALID_K1 = mint(Fixtures.K1, session().build());
    static final String VALID_K2 = mint(Fixtures.K2, session().attribute("cart", List.of(new TreeMap<>(Map.of("sku", "x1", "qty", 2))))
            .build());
    static final String VALID_K512 = mint(Fixtures.K512, session().attribute("total", new BigDecimal("19.90"))
            .attribute("big", 1L << 40).attribute("ratio", 0.25).attribute("flag", Boolean.TRUE)
            .attribute("nothing", null).attribute("$odd", Map.of("$k", "v")).build());
    /** Every value the fuzzed codec may accept. */
    static final Set<String> MINTED = Set.of(VALID_K1, VALID_K2, VALID_K512);

    private FuzzSeeds() {
    }

    static JwsSessionCodec codec() {
        return new JwsSessionCodec(RING, Fixtures.options().build());
    }

    static SessionData.Builder session() {
        return SessionData.builder().id("sid-fuzz-0123456789abcdef")
                .creationTime(Fixtures.NOW.minusSeconds(600)).lastAccessedTime(Fixtures.NOW.minusSeconds(60))
                .maxInactiveInterval(Duration.ofMinutes(30)).attribute("count", 3).attribute("user", "alice");
    }

    static String mint(SigningKey key, SessionData data) {
        List<SigningKey> others = RING.keys().stream().filter(k -> k != key && !k.id().equals("old")).toList();
        KeyRing ring = KeyRing.of(key, others.toArray(new SigningKey[0]));
        return new JwsSessionCodec(ring, Fixtures.options().build()).encode(data);
    }

    /** @return the base64url header segment the primary key (k1) signs with */
    static String headerSegment() {
        return VALID_K1.substring(0, VALID_K1.indexOf('.'));
    }

    /** @return the payload JSON of a token */
    static String payloadOf(String token) {
        String[] parts = token.split("\\.");
        return Fixtures.fromB64(parts[1]);
    }

    static String payload(String aud, long iat, long exp, long crt, long mii, String att) {
        return "{\"aud\":\"" + aud + "\",\"sid\":\"s1\",\"iat\":" + iat + ",\"exp\":" + exp + ",\"crt\":" + crt
                + ",\"mii\":" + mii + ",\"att\":" + att + "}";
    }

    // ------------------------------------------------------------------------------------------------ the corpus

    /** Cookie header seeds, named {@code <expected outcome>-<what>}: VALID or a Rejection name. */
    static Map<String, String> cookieHeaders() {
        long now = Fixtures.NOW.getEpochSecond();
        String k1 = Fixtures.header("HS256", "k1");
        Map<String, String> seeds = new LinkedHashMap<>();
        seeds.put("VALID-k1", COOKIE + "=" + VALID_K1);
        seeds.put("VALID-k2-resign", COOKIE + "=" + VALID_K2);
        seeds.put("VALID-hs512-types", COOKIE + "=" + VALID_K512);
        seeds.put("VALID-among-others", "theme=dark; " + COOKIE + "=" + VALID_K1 + "; lang=en");
        seeds.put("VALID-forged-first", COOKIE + "=" + tamperSignature(VALID_K1) + "; " + COOKIE + "=" + VALID_K1);
        seeds.put("VALID-forged-second", COOKIE + "=" + VALID_K1 + "; " + COOKIE + "=" + tamperSignature(VALID_K2));
        seeds.put("VALID-quoted", COOKIE + "=\"" + VALID_K1 + "\"");
        seeds.put("OVERSIZED-4000", COOKIE + "=" + "A".repeat(4000));
        seeds.put("MALFORMED-two-segments", COOKIE + "=" + VALID_K1.substring(0, VALID_K1.lastIndexOf('.')));
        seeds.put("MALFORMED-padding", COOKIE + "=" + VALID_K1 + "=");
        seeds.put("BAD_HEADER-no-typ", COOKIE + "=" + Fixtures.forge("{\"alg\":\"HS256\",\"kid\":\"k1\"}",
                Fixtures.payload("{}"), Fixtures.K1));
        seeds.put("FORBIDDEN_HEADER-jwk", COOKIE + "=" + Fixtures.forge("{\"alg\":\"HS256\",\"kid\":\"k1\","
                + "\"typ\":\"steadfast-session+jwt\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}",
                Fixtures.payload("{}"), Fixtures.K1));
        seeds.put("WRONG_TYPE-jwt", COOKIE + "=" + Fixtures.forge("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}",
                Fixtures.payload("{}"), Fixtures.K1));
        seeds.put("ALGORITHM_MISMATCH-none", COOKIE + "=" + Fixtures.b64(Fixtures.header("none", "k1")) + "."
                + Fixtures.b64(Fixtures.payload("{}")) + ".AAAA");
        seeds.put("UNKNOWN_KEY-k9", COOKIE + "=" + Fixtures.forge(Fixtures.header("HS256", "k9"),
                Fixtures.payload("{}"), Fixtures.K1));
        seeds.put("RETIRED_KEY-old", COOKIE + "=" + Fixtures.forge(Fixtures.header("HS256", "old"),
                Fixtures.payload("{}"), RETIRED));
        seeds.put("BAD_SIGNATURE-flip", COOKIE + "=" + tamperSignature(VALID_K1));
        seeds.put("BAD_CLAIMS-not-json", COOKIE + "=" + Fixtures.forge(k1, "{\"aud\":", Fixtures.K1));
        seeds.put("WRONG_AUDIENCE-other", COOKIE + "=" + Fixtures.forge(k1,
                payload("/other", now - 60, now + 1740, now - 600, 1800, "{}"), Fixtures.K1));
        seeds.put("NOT_YET_VALID-future", COOKIE + "=" + Fixtures.forge(k1,
                payload(Fixtures.AUDIENCE, now + 3600, now + 5400, now + 3600, 1800, "{}"), Fixtures.K1));
        seeds.put("EXPIRED-idle", COOKIE + "=" + Fixtures.forge(k1,
                payload(Fixtures.AUDIENCE, now - 7200, now - 5400, now - 7200, 1800, "{}"), Fixtures.K1));
        seeds.put("ABSOLUTE_TIMEOUT-13h", COOKIE + "=" + Fixtures.forge(k1,
                payload(Fixtures.AUDIENCE, now - 60, now + 1740, now - 13 * 3600, 1800, "{}"), Fixtures.K1));
        return seeds;
    }

    /** Payload seeds for the claims target (signed by the target with k1), named like the cookie seeds. */
    static Map<String, String> payloads() {
        long now = Fixtures.NOW.getEpochSecond();
        String aud = Fixtures.AUDIENCE;
        Map<String, String> seeds = new LinkedHashMap<>();
        seeds.put("VALID-minted", payloadOf(VALID_K1));
        seeds.put("VALID-types", payloadOf(VALID_K512));
        seeds.put("VALID-nested", payload(aud, now - 60, now + 1740, now - 600, 1800,
                "{\"a\":[1,[2,[3,{\"b\":{\"$long\":\"9007199254740993\"}}]],\"\\u00e9\\ud83d\\ude00\"],\"c\":{\"$decimal\":\"1.50\"},"
                        + "\"d\":{\"$map\":{\"$x\":1}},\"e\":1.0e3,\"f\":-0,\"g\":null,\"h\":false}"));
        seeds.put("VALID-no-idle-limit", payload(aud, now - 60, now + 1740, now - 600, 0, "{}"));
        seeds.put("VALID-unknown-claim", "{\"aud\":\"" + aud + "\",\"sid\":\"s1\",\"iat\":" + (now - 60) + ",\"exp\":"
                + (now + 1740) + ",\"crt\":" + (now - 600) + ",\"mii\":1800,\"att\":{},\"future\":[1,2]}");
        seeds.put("BAD_CLAIMS-duplicate", "{\"aud\":\"" + aud + "\",\"aud\":\"" + aud + "\",\"sid\":\"s1\",\"iat\":"
                + (now - 60) + ",\"exp\":" + (now + 1740) + ",\"crt\":" + (now - 600) + ",\"mii\":1800,\"att\":{}}");
        seeds.put("BAD_CLAIMS-deep", payload(aud, now - 60, now + 1740, now - 600, 1800,
                "[".repeat(64) + "]".repeat(64)));
        seeds.put("BAD_CLAIMS-millis", payload(aud, (now - 60) * 1000, (now + 1740) * 1000, (now - 600) * 1000,
                1800, "{}"));
        seeds.put("BAD_CLAIMS-huge-number", payload(aud, now - 60, now + 1740, now - 600, 1800,
                "{\"n\":1" + "0".repeat(400) + "}"));
        seeds.put("BAD_CLAIMS-exponent-date", payload(aud, now - 60, now + 1740, now - 600, 1800, "{}")
                .replace("\"iat\":" + (now - 60), "\"iat\":1.9e9"));
        seeds.put("BAD_CLAIMS-unknown-tag", payload(aud, now - 60, now + 1740, now - 600, 1800,
                "{\"x\":{\"$int\":\"1\"}}"));
        seeds.put("BAD_CLAIMS-trailing", payload(aud, now - 60, now + 1740, now - 600, 1800, "{}") + "{}");
        seeds.put("WRONG_AUDIENCE-other", payload("/other", now - 60, now + 1740, now - 600, 1800, "{}"));
        seeds.put("NOT_YET_VALID-future", payload(aud, now + 3600, now + 5400, now + 3600, 1800, "{}"));
        seeds.put("EXPIRED-idle", payload(aud, now - 7200, now - 5400, now - 7200, 1800, "{}"));
        seeds.put("ABSOLUTE_TIMEOUT-13h", payload(aud, now - 60, now + 1740, now - 13 * 3600, 1800, "{}"));
        return seeds;
    }

    static String tamperSignature(String token) {
        int at = token.lastIndexOf('.') + 5;
        char c = token.charAt(at);
        return token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    /** @return the regression-input directory of a fuzz test method, as Jazzer looks it up */
    static Path inputs(Path resources, Class<?> test, String method) {
        return resources.resolve(test.getPackageName().replace('.', '/')).resolve(test.getSimpleName() + "Inputs")
                .resolve(method);
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/test/resources");
        write(inputs(resources, CookieHeaderFuzzTest.class, "cookieHeader"), cookieHeaders());
        write(inputs(resources, SignedClaimsFuzzTest.class, "signedClaims"), payloads());
    }

    static void write(Path dir, Map<String, String> seeds) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : seeds.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
