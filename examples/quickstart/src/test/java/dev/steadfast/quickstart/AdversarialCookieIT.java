package dev.steadfast.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.steadfast.testsupport.Secrets;

/**
 * Attacks on the session cookie over real HTTP against the quickstart jar in production mode, with cases drawn from
 * the OWASP JSON Web Token and Session Management cheat sheets and from JWT library CVEs (alg none, CVE-2015-9235
 * style algorithm confusion, CVE-2018-0114 embedded jwk, jku/x5u key injection, kid path traversal and SQL injection,
 * JSON bombs, timestamp tricks). Every token is minted here with the JDK (Mac, Base64) and the key the server was
 * started with, so a case fails only if the server accepts what it must not.
 *
 * <p>Expected, per case: {@link Expect#NO_COOKIE} - exactly the response to the same request without any cookie
 * (same status, same body: a fresh session, {@code count=1}); {@link Expect#GENUINE} - exactly the response to the
 * genuine cookie alone, for requests that carry a forged cookie beside a genuine one (the forged one counts as not
 * sent; docs/sessions.md: the first cookie that verifies wins); {@link Expect#CONTAINER_4XX} - the request is over
 * one of Tomcat's own limits (8 KB of headers, 200 cookies) and Tomcat answers 4xx before Steadfast runs. Never
 * a 5xx, never a body with a secret.
 */
class AdversarialCookieIT {

    enum Expect { NO_COOKIE, GENUINE, CONTAINER_4XX }

    private record Case(String name, byte[] cookieHeader, Expect expect) {
        static Case of(String name, String cookieHeader, Expect expect) {
            return new Case(name, cookieHeader.getBytes(StandardCharsets.UTF_8), expect);
        }
    }

    private static final String COOKIE = "steadfast";
    private static final String HS256 = "HmacSHA256";
    /** Attributes every forged payload carries: if one were accepted, the body would say count=42. */
    private static final String ATT = "{\"count\":41}";

    @TempDir
    static Path tmp;

    private static QuickstartProcess app;
    private static String secret;
    private static byte[] key;
    private static String audience;
    private static RawHttp.Response noCookie;
    private static long now;

    @BeforeAll
    static void start() throws Exception {
        secret = QuickstartProcess.randomSecret();
        key = secret.getBytes(StandardCharsets.UTF_8);
        app = QuickstartProcess.start(QuickstartProcess.production(secret), tmp);
        noCookie = RawHttp.get(app.port, "/count", null);
        assertThat(noCookie.status()).isEqualTo(200);
        assertThat(noCookie.body()).isEqualTo("count=1");
        // The audience the application writes, read from a cookie it issued (the payload is readable, not secret).
        String issued = noCookie.setCookies().get(0);
        assertThat(issued).startsWith(COOKIE + "=");
        String value = issued.substring(COOKIE.length() + 1, issued.indexOf(';'));
        Matcher aud = Pattern.compile("\"aud\":\"([^\"]*)\"").matcher(Tokens.fromB64(value.split("\\.")[1]));
        assertThat(aud.find()).isTrue();
        audience = aud.group(1);
        now = System.currentTimeMillis() / 1000;
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
            Secrets.assertAbsent("the quickstart's output", app.output());
            assertThat(app.output()).doesNotContain(secret);
        }
    }

    @Test
    void control_aTokenMintedHereWithTheServersKeyIsAccepted() throws Exception {
        RawHttp.Response r = send(COOKIE + "=" + genuine("control"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).as("the minting in this test is right, so rejections below are real").isEqualTo("count=42");
    }

    @TestFactory
    Stream<DynamicTest> attacks() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases.stream().map(Case::name).distinct().count()).isEqualTo(cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) throws Exception {
        RawHttp.Response r = RawHttp.get(app.port, "/count", c.cookieHeader());
        assertThat(r.status()).as("%s: never a 5xx", c.name()).isLessThan(500);
        Secrets.assertAbsent("the response body to attack '" + c.name() + "'", r.body());
        switch (c.expect()) {
            case NO_COOKIE -> {
                assertThat(r.status()).as(c.name()).isEqualTo(noCookie.status());
                assertThat(r.body()).as(c.name()).isEqualTo(noCookie.body());
            }
            case GENUINE -> {
                assertThat(r.status()).as(c.name()).isEqualTo(200);
                assertThat(r.body()).as(c.name()).isEqualTo("count=42");
            }
            case CONTAINER_4XX -> assertThat(r.status()).as(c.name()).isBetween(400, 499);
        }
    }

    private static RawHttp.Response send(String cookieHeader) throws Exception {
        return RawHttp.get(app.port, "/count", cookieHeader.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------ minting

    private static String claims(String sid) {
        return Tokens.payload(audience, sid, now, now + 1800, now, 1800, ATT);
    }

    private static String genuine(String sid) {
        return Tokens.sign(Tokens.header("HS256", "k1"), claims(sid), HS256, key);
    }

    private static String signed(String headerJson, String payloadJson) {
        return Tokens.sign(headerJson, payloadJson, HS256, key);
    }

    private static String withClaims(String payloadJson) {
        return COOKIE + "=" + signed(Tokens.header("HS256", "k1"), payloadJson);
    }

    private static String withHeader(String headerJson) {
        return COOKIE + "=" + signed(headerJson, claims("hdr"));
    }

    private static String unsigned(String headerJson, String signature) {
        return COOKIE + "=" + Tokens.b64(headerJson) + "." + Tokens.b64(claims("none")) + "." + signature;
    }

    private static String flip(String token, int segment, int bit) {
        String[] parts = token.split("\\.", -1);
        byte[] raw = Base64.getUrlDecoder().decode(parts[segment]);
        raw[raw.length / 2] ^= (byte) (1 << bit);
        parts[segment] = Tokens.b64(raw);
        return String.join(".", parts);
    }

    private static String replaceSegment(String token, int segment, String value) {
        String[] parts = token.split("\\.", -1);
        parts[segment] = value;
        return String.join(".", parts);
    }

    /** A token whose signature's base64url has at least one '-' or '_', to spell it with '+' and '/'. */
    private static String genuineWithUrlSafeChars() {
        for (int i = 0; ; i++) {
            String t = genuine("b64-" + i);
            String sig = t.substring(t.lastIndexOf('.') + 1);
            if (sig.indexOf('-') >= 0 || sig.indexOf('_') >= 0) {
                return t;
            }
        }
    }

    /** Sets the unused low bits of a segment's last character: same bytes, a second spelling. */
    private static String unusedBits(String token, int segment) {
        String[] parts = token.split("\\.", -1);
        String s = parts[segment];
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int unused = switch (s.length() % 4) {
            case 2 -> 0x0F;
            case 3 -> 0x03;
            default -> 0;
        };
        if (unused == 0) {
            return null;
        }
        int v = alphabet.indexOf(s.charAt(s.length() - 1));
        parts[segment] = s.substring(0, s.length() - 1) + alphabet.charAt(v | 1);
        return String.join(".", parts);
    }

    private static String genuineWithUnusedBits(int segment) {
        for (int i = 0; ; i++) {
            String t = unusedBits(genuine("bits-" + i), segment);
            if (t != null) {
                return t;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the cases

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        Expect no = Expect.NO_COOKIE;
        String p = claims("p");
        String g = genuine("base");
        String forged = flip(g, 2, 3);
        byte[] attacker = "attacker-chosen-secret-0123456789".getBytes(StandardCharsets.UTF_8);

        // alg none and its case variants (OWASP JWT cheat sheet; CVE-2015-9235 family)
        c.add(Case.of("alg none, empty signature", unsigned("{\"alg\":\"none\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}", ""), no));
        c.add(Case.of("alg None", unsigned(Tokens.header("None", "k1"), ""), no));
        c.add(Case.of("alg NONE", unsigned(Tokens.header("NONE", "k1"), ""), no));
        c.add(Case.of("alg nOnE", unsigned(Tokens.header("nOnE", "k1"), ""), no));
        c.add(Case.of("alg none with a valid HS256 MAC over it", withHeader(Tokens.header("none", "k1")), no));
        c.add(Case.of("alg none, signature AAAA", unsigned(Tokens.header("none", "k1"), "AAAA"), no));
        c.add(Case.of("alg empty string", withHeader(Tokens.header("", "k1")), no));
        c.add(Case.of("alg JSON null", withHeader("{\"alg\":null,\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("alg missing", withHeader("{\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("alg lower-case hs256", withHeader(Tokens.header("hs256", "k1")), no));
        c.add(Case.of("alg as array", withHeader("{\"alg\":[\"HS256\"],\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}"), no));

        // algorithm switching
        c.add(Case.of("HS512 MAC for the HS256 key", COOKIE + "=" + Tokens.sign(Tokens.header("HS512", "k1"), p, "HmacSHA512", key), no));
        c.add(Case.of("HS384 MAC for the HS256 key", COOKIE + "=" + Tokens.sign(Tokens.header("HS384", "k1"), p, "HmacSHA384", key), no));
        c.add(Case.of("RS256 header, HMAC with the key as public key", withHeader(Tokens.header("RS256", "k1")), no));
        c.add(Case.of("ES256 header, HMAC MAC", withHeader(Tokens.header("ES256", "k1")), no));
        c.add(Case.of("PS256 header, HMAC MAC", withHeader(Tokens.header("PS256", "k1")), no));
        c.add(Case.of("HS256 header, HMAC-SHA512 MAC", COOKIE + "=" + Tokens.sign(Tokens.header("HS256", "k1"), p, "HmacSHA512", key), no));

        // key and header injection (CVE-2018-0114 jwk, jku/x5u, crit)
        String jwk = "{\"kty\":\"oct\",\"k\":\"" + Tokens.b64(attacker) + "\"}";
        c.add(Case.of("embedded jwk, signed with the attacker's key", COOKIE + "=" + Tokens.sign("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\""
                + Tokens.TYPE + "\",\"jwk\":" + jwk + "}", p, HS256, attacker), no));
        c.add(Case.of("embedded jwk, signed with the real key", withHeader("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\",\"jwk\":" + jwk + "}"), no));
        c.add(Case.of("jku to an attacker's JWKS", withHeader("{\"alg\":\"HS256\",\"jku\":\"https://attacker.invalid/jwks.json\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("x5u to an attacker's certificate", withHeader("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\",\"x5u\":\"https://attacker.invalid/c.pem\"}"), no));
        c.add(Case.of("x5c chain", withHeader("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\",\"x5c\":[\"MIIB\"]}"), no));
        c.add(Case.of("x5t thumbprint", withHeader("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\",\"x5t\":\"AAAA\"}"), no));
        c.add(Case.of("crit exp", withHeader("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("b64 false (RFC 7797 unencoded payload)", withHeader("{\"alg\":\"HS256\",\"b64\":false,\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("zip DEF", withHeader("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\",\"zip\":\"DEF\"}"), no));
        c.add(Case.of("enc (JWE header in a JWS)", withHeader("{\"alg\":\"HS256\",\"enc\":\"A128GCM\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("typ JWT", withHeader("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}"), no));
        c.add(Case.of("typ missing", withHeader("{\"alg\":\"HS256\",\"kid\":\"k1\"}"), no));
        c.add(Case.of("typ in other case", withHeader("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"Steadfast-Session+JWT\"}"), no));
        c.add(Case.of("duplicate alg members, none first", withHeader("{\"alg\":\"none\",\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("unknown extra header member", withHeader("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\",\"foo\":1}"), no));
        c.add(Case.of("header is not JSON", COOKIE + "=" + Tokens.signSegments(Tokens.b64("not json"), Tokens.b64(p), HS256, key), no));

        // kid path traversal and injection
        c.add(Case.of("kid ../../dev/null with an empty-file key", COOKIE + "=" + Tokens.sign(Tokens.header("HS256", "../../dev/null"), p, HS256, new byte[1]), no));
        c.add(Case.of("kid ../../dev/null with the real key", withHeader(Tokens.header("HS256", "../../dev/null")), no));
        c.add(Case.of("kid /etc/passwd", withHeader(Tokens.header("HS256", "/etc/passwd")), no));
        c.add(Case.of("kid ' OR 1=1 --", withHeader(Tokens.header("HS256", "' OR 1=1 --")), no));
        c.add(Case.of("kid k1' OR '1'='1", withHeader(Tokens.header("HS256", "k1' OR '1'='1")), no));
        c.add(Case.of("kid empty", withHeader(Tokens.header("HS256", "")), no));
        c.add(Case.of("kid very long (600 chars)", withHeader(Tokens.header("HS256", "k".repeat(600))), no));
        c.add(Case.of("kid with NUL", withHeader(Tokens.header("HS256", "k1\\u0000")), no));
        c.add(Case.of("kid in upper case", withHeader(Tokens.header("HS256", "K1")), no));
        c.add(Case.of("kid with trailing space", withHeader(Tokens.header("HS256", "k1 ")), no));
        c.add(Case.of("kid as number", withHeader("{\"alg\":\"HS256\",\"kid\":1,\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("kid as array", withHeader("{\"alg\":\"HS256\",\"kid\":[\"k1\"],\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("kid command injection", withHeader(Tokens.header("HS256", "k1|whoami;$(id)")), no));
        c.add(Case.of("kid of no configured key", withHeader(Tokens.header("HS256", "k2")), no));
        c.add(Case.of("kid fullwidth k1", withHeader(Tokens.header("HS256", "\uff4b1")), no));
        c.add(Case.of("kid Cyrillic k1", withHeader(Tokens.header("HS256", "\u043a1")), no));

        // bit flips and MAC length
        c.add(Case.of("bit flip in header", COOKIE + "=" + flip(g, 0, 1), no));
        c.add(Case.of("bit flip in payload", COOKIE + "=" + flip(g, 1, 0), no));
        c.add(Case.of("bit flip in signature", COOKIE + "=" + forged, no));
        c.add(Case.of("bit flip in the payload's count", COOKIE + "=" + replaceSegment(g, 1, Tokens.b64(claims("base").replace("41", "40"))), no));
        c.add(Case.of("signature truncated by one character", COOKIE + "=" + g.substring(0, g.length() - 1), no));
        c.add(Case.of("signature truncated to 16 bytes", COOKIE + "=" + replaceSegment(g, 2, Tokens.b64(java.util.Arrays.copyOf(Base64.getUrlDecoder().decode(g.substring(g.lastIndexOf('.') + 1)), 16))), no));
        c.add(Case.of("signature extended", COOKIE + "=" + g + "AAAA", no));
        c.add(Case.of("signature empty", COOKIE + "=" + g.substring(0, g.lastIndexOf('.') + 1), no));
        c.add(Case.of("signature all zero", COOKIE + "=" + replaceSegment(g, 2, Tokens.b64(new byte[32])), no));
        c.add(Case.of("signature of another genuine token", COOKIE + "=" + replaceSegment(g, 2, genuine("other").substring(genuine("other").lastIndexOf('.') + 1)), no));

        // non-canonical base64url and framing
        c.add(Case.of("padding on the header", COOKIE + "=" + replaceSegment(g, 0, g.split("\\.")[0] + "="), no));
        c.add(Case.of("padding on the signature", COOKIE + "=" + g + "=", no));
        String u = genuineWithUrlSafeChars();
        c.add(Case.of("signature in standard base64 (+ and /)", COOKIE + "=" + replaceSegment(u, 2, u.substring(u.lastIndexOf('.') + 1).replace('-', '+').replace('_', '/')), no));
        c.add(Case.of("non-zero unused bits in the signature", COOKIE + "=" + genuineWithUnusedBits(2), no));
        c.add(Case.of("non-zero unused bits in the payload", COOKIE + "=" + genuineWithUnusedBits(1), no));
        c.add(Case.of("space inside the payload", COOKIE + "=" + g.replaceFirst("\\.(.{5})", ".$1 "), no));
        c.add(Case.of("tab inside the signature", COOKIE + "=" + g.substring(0, g.length() - 3) + "\t" + g.substring(g.length() - 3), no));
        c.add(Case.of("percent-encoded dots", COOKIE + "=" + g.replace(".", "%2E"), no));
        c.add(Case.of("four segments", COOKIE + "=" + g + ".AAAA", no));
        c.add(Case.of("two segments", COOKIE + "=" + g.substring(0, g.lastIndexOf('.')), no));
        c.add(Case.of("five segments (JWE shape)", COOKIE + "=" + g.replace(".", "..") , no));
        c.add(Case.of("non-ASCII inside the token", COOKIE + "=" + g.replaceFirst("\\.", ".\u00e9"), no));

        // duplicate cookies of the session's name
        c.add(Case.of("forged first, genuine second", COOKIE + "=" + forged + "; " + COOKIE + "=" + genuine("dup1"), Expect.GENUINE));
        c.add(Case.of("genuine first, forged second", COOKIE + "=" + genuine("dup2") + "; " + COOKIE + "=" + forged, Expect.GENUINE));
        c.add(Case.of("forged twice", COOKIE + "=" + forged + "; " + COOKIE + "=" + flip(g, 1, 2), no));
        c.add(Case.of("ten forged cookies", String.join("; ", java.util.Collections.nCopies(10, COOKIE + "=" + forged)), no));
        c.add(Case.of("fifty forged cookies (over Tomcat's 8 KB header limit)", String.join("; ", java.util.Collections.nCopies(50, COOKIE + "=" + forged)), Expect.CONTAINER_4XX));
        StringBuilder crowd = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            crowd.append("c").append(i).append("=1; ");
        }
        c.add(Case.of("201 cookies (over Tomcat's maxCookieCount of 200)", crowd + COOKIE + "=" + forged, Expect.CONTAINER_4XX));
        c.add(Case.of("genuine value under the name in other case", "Steadfast=" + genuine("case"), no));
        c.add(Case.of("genuine value under a longer name", COOKIE + "_=" + genuine("name"), no));

        // sizes
        c.add(Case.of("cookie of 3801 characters", COOKIE + "=" + "A".repeat(3801), no));
        c.add(Case.of("cookie of 7000 characters", COOKIE + "=" + "A".repeat(7000), no));
        c.add(Case.of("genuinely signed session over max-size", withClaims(Tokens.payload(audience, "big", now, now + 1800, now, 1800, "{\"count\":41,\"pad\":\"" + "x".repeat(3000) + "\"}")), no));
        c.add(Case.of("cookie header over Tomcat's 8 KB limit", COOKIE + "=" + "A".repeat(9000), Expect.CONTAINER_4XX));

        // JSON bombs behind a valid MAC
        c.add(Case.of("deeply nested arrays", withClaims(Tokens.payload(audience, "deep", now, now + 1800, now, 1800, "{\"count\":41,\"d\":" + "[".repeat(1200) + "]".repeat(1200) + "}")), no));
        c.add(Case.of("deeply nested objects", withClaims(Tokens.payload(audience, "deepo", now, now + 1800, now, 1800, "{\"count\":41,\"d\":" + "{\"a\":".repeat(300) + "1" + "}".repeat(300) + "}")), no));
        c.add(Case.of("huge number", withClaims(Tokens.payload(audience, "num", now, now + 1800, now, 1800, "{\"count\":41" + "0".repeat(2000) + "}")), no));
        c.add(Case.of("huge exponent", withClaims(Tokens.payload(audience, "exp", now, now + 1800, now, 1800, "{\"count\":41e999999999}")), no));
        StringBuilder many = new StringBuilder("{\"count\":41");
        for (int i = 0; i < 300; i++) {
            many.append(",\"m").append(i).append("\":0");
        }
        // A key holder may legitimately write many attributes; an attacker without the key cannot get them parsed.
        c.add(Case.of("many members, attacker's key", COOKIE + "=" + Tokens.sign(Tokens.header("HS256", "k1"), Tokens.payload(audience, "many", now, now + 1800, now, 1800, many + "}"), HS256, attacker), no));
        // The header is the only JSON parsed before the MAC: bombs there.
        StringBuilder headerMembers = new StringBuilder("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"");
        for (int i = 0; i < 200; i++) {
            headerMembers.append(",\"h").append(i).append("\":0");
        }
        c.add(Case.of("many members in the header", unsigned(headerMembers + "}", "AAAA"), no));
        c.add(Case.of("deep nesting in the header", unsigned("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\",\"x\":" + "[".repeat(250) + "]".repeat(250) + "}", "AAAA"), no));
        c.add(Case.of("huge number in the header", unsigned("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\",\"n\":1e999999999}", "AAAA"), no));
        c.add(Case.of("duplicate kid in the header", withHeader("{\"alg\":\"HS256\",\"kid\":\"k9\",\"kid\":\"k1\",\"typ\":\"" + Tokens.TYPE + "\"}"), no));
        c.add(Case.of("duplicate attribute keys", withClaims(Tokens.payload(audience, "dupk", now, now + 1800, now, 1800, "{\"count\":1000,\"count\":41}")), no));
        c.add(Case.of("duplicate aud claims", withClaims("{\"aud\":\"/elsewhere\",\"aud\":\"" + audience + "\",\"sid\":\"d\",\"iat\":" + now + ",\"exp\":" + (now + 1800) + ",\"crt\":" + now + ",\"mii\":1800,\"att\":" + ATT + "}"), no));
        c.add(Case.of("duplicate exp claims", withClaims("{\"aud\":\"" + audience + "\",\"sid\":\"d\",\"iat\":" + now + ",\"exp\":1,\"exp\":" + (now + 1800) + ",\"crt\":" + now + ",\"mii\":1800,\"att\":" + ATT + "}"), no));
        c.add(Case.of("trailing data after the claims", withClaims(claims("trail") + "{}"), no));
        c.add(Case.of("claims as an array", withClaims("[" + claims("arr") + "]"), no));

        // time
        c.add(Case.of("iat Long.MAX_VALUE", withClaims(Tokens.payload(audience, "t1", Long.MAX_VALUE, Long.MAX_VALUE, now, 1800, ATT)), no));
        c.add(Case.of("exp beyond long", withClaims(Tokens.payload(audience, "t2", now, 0, now, 1800, ATT).replace("\"exp\":0", "\"exp\":99999999999999999999")), no));
        c.add(Case.of("negative times", withClaims(Tokens.payload(audience, "t3", -1, now + 1800, -1, 1800, ATT)), no));
        c.add(Case.of("milliseconds instead of seconds", withClaims(Tokens.payload(audience, "t4", now * 1000, (now + 1800) * 1000, now * 1000, 1800, ATT)), no));
        c.add(Case.of("exp as a decimal", withClaims(Tokens.payload(audience, "t5", now, 0, now, 1800, ATT).replace("\"exp\":0", "\"exp\":1.9e10")), no));
        c.add(Case.of("exp as a string", withClaims(Tokens.payload(audience, "t6", now, 0, now, 1800, ATT).replace("\"exp\":0", "\"exp\":\"" + (now + 1800) + "\"")), no));
        c.add(Case.of("expired", withClaims(Tokens.payload(audience, "t7", now - 7200, now - 5400, now - 7200, 1800, ATT)), no));
        c.add(Case.of("idle-expired, exp still ahead", withClaims(Tokens.payload(audience, "t8", now - 3600, now + 7200, now - 3600, 1800, ATT)), no));
        c.add(Case.of("not yet valid", withClaims(Tokens.payload(audience, "t9", now + 3600, now + 5400, now + 3600, 1800, ATT)), no));
        c.add(Case.of("past the absolute timeout", withClaims(Tokens.payload(audience, "t10", now - 60, now + 1740, now - 13 * 3600, 1800, ATT)), no));
        c.add(Case.of("created after last access", withClaims(Tokens.payload(audience, "t11", now, now + 1800, now + 10, 1800, ATT)), no));
        c.add(Case.of("idle limit beyond int", withClaims(Tokens.payload(audience, "t12", now, now + 1800, now, 1L << 40, ATT)), no));

        // audience and unicode
        c.add(Case.of("foreign audience", withClaims(Tokens.payload("/other-app", "a1", now, now + 1800, now, 1800, ATT)), no));
        c.add(Case.of("audience as an array", withClaims(claims("a2").replace("\"aud\":\"" + audience + "\"", "\"aud\":[\"" + audience + "\"]")), no));
        c.add(Case.of("audience with a trailing space", withClaims(Tokens.payload(audience + " ", "a3", now, now + 1800, now, 1800, ATT)), no));
        c.add(Case.of("audience homoglyph (division slash)", withClaims(Tokens.payload(audience.replace('/', '\u2215'), "a4", now, now + 1800, now, 1800, ATT)), no));
        c.add(Case.of("byte order mark before the claims", COOKIE + "=" + Tokens.signSegments(Tokens.b64(Tokens.header("HS256", "k1")), Tokens.b64("\ufeff" + claims("bom")), HS256, key), no));
        byte[] overlong = claims("ovl").replace("\"aud\":\"/", "\"aud\":\"\u0000").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < overlong.length; i++) {
            if (overlong[i] == 0) {
                byte[] longer = new byte[overlong.length + 1];
                System.arraycopy(overlong, 0, longer, 0, i);
                longer[i] = (byte) 0xC0;
                longer[i + 1] = (byte) 0xAF;
                System.arraycopy(overlong, i + 1, longer, i + 2, overlong.length - i - 1);
                overlong = longer;
                break;
            }
        }
        c.add(Case.of("overlong UTF-8 slash in the audience", COOKIE + "=" + Tokens.signSegments(Tokens.b64(Tokens.header("HS256", "k1")), Tokens.b64(overlong), HS256, key), no));
        c.add(Case.of("half a surrogate pair in an attribute", withClaims(Tokens.payload(audience, "sur", now, now + 1800, now, 1800, "{\"count\":41,\"s\":\"\\ud83d\"}")), no));
        c.add(Case.of("empty session id", withClaims(Tokens.payload(audience, "", now, now + 1800, now, 1800, ATT)), no));
        c.add(Case.of("attributes as an array", withClaims(Tokens.payload(audience, "att", now, now + 1800, now, 1800, "[41]")), no));
        c.add(Case.of("unknown attribute tag", withClaims(Tokens.payload(audience, "tag", now, now + 1800, now, 1800, "{\"count\":{\"$int\":\"41\"}}")), no));
        return c;
    }
}
