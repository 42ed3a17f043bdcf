package dev.steadfast.tck.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds and takes apart session cookies independently of any implementation, from the format in {@code docs/spec.md}
 * (CODEC clauses): this is how the kit forges cookies an implementation must reject, and checks that what it issues
 * is plain JWS any JOSE library could verify.
 */
public final class Jws {

    private Jws() {
    }

    /** The three segments of a compact serialization, decoded. */
    public record Parts(String header, String payload, byte[] signature, String signingInput) {
        /** @return the header as a JSON object */
        public Map<String, Object> headerJson() {
            return MiniJson.parseObject(header);
        }

        /** @return the payload as a JSON object */
        public Map<String, Object> payloadJson() {
            return MiniJson.parseObject(payload);
        }
    }

    /** @return unpadded base64url of the UTF-8 bytes */
    public static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return unpadded base64url */
    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param token a compact JWS
     * @return its segments
     * @throws IllegalArgumentException when it is not three base64url segments
     */
    public static Parts parse(String token) {
        String[] s = token.split("\\.", -1);
        if (s.length != 3) {
            throw new IllegalArgumentException("not three segments: " + s.length);
        }
        Base64.Decoder d = Base64.getUrlDecoder();
        return new Parts(new String(d.decode(s[0]), StandardCharsets.UTF_8),
                new String(d.decode(s[1]), StandardCharsets.UTF_8), d.decode(s[2]), s[0] + "." + s[1]);
    }

    /**
     * @param jcaAlgorithm e.g. {@code HmacSHA256}
     * @param secret       the configured secret, used as its UTF-8 bytes
     * @param signingInput {@code base64url(header) + "." + base64url(payload)}
     * @return the MAC
     */
    public static byte[] hmac(String jcaAlgorithm, String secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance(jcaAlgorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaAlgorithm + " unavailable", e);
        }
    }

    /**
     * Signs raw header and payload JSON as they are, byte for byte.
     *
     * @param jcaAlgorithm e.g. {@code HmacSHA256}
     * @param secret       the secret, as UTF-8 bytes
     * @param headerJson   the header JSON text
     * @param payloadJson  the payload JSON text
     * @return the compact serialization
     */
    public static String sign(String jcaAlgorithm, String secret, String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + b64(hmac(jcaAlgorithm, secret, input));
    }

    /** @return Steadfast's header for an HS256 key: exactly alg, kid, typ */
    public static String header(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"steadfast-session+jwt\"}";
    }

    /**
     * @return a claims set in the spec's format with an empty or given {@code att}
     */
    public static String claims(String aud, String sid, long iat, long exp, long crt, int mii, String attJson) {
        return "{\"aud\":\"" + aud + "\",\"sid\":\"" + sid + "\",\"iat\":" + iat + ",\"exp\":" + exp + ",\"crt\":" + crt
                + ",\"mii\":" + mii + ",\"att\":" + attJson + "}";
    }

    /**
     * Forges an HS256 session cookie value for a key the test knows.
     *
     * @param kid     key id
     * @param secret  key secret
     * @param aud     audience
     * @param iat     issue (last access) time, epoch seconds
     * @param crt     creation time, epoch seconds
     * @param mii     idle limit in seconds
     * @param attJson the {@code att} object
     * @return the cookie value
     */
    public static String forge(String kid, String secret, String aud, long iat, long crt, int mii, String attJson) {
        long exp = Math.min(crt + 12 * 3600, mii > 0 ? iat + mii : Long.MAX_VALUE);
        return sign("HmacSHA256", secret, header("HS256", kid),
                claims(aud, "tck-" + Long.toHexString(System.nanoTime()) + "-forged-session", iat, exp, crt, mii,
                        attJson));
    }

    /**
     * @param token a compact JWS
     * @return the same token with one character of the payload changed (so the MAC no longer verifies)
     */
    public static String tamperPayload(String token) {
        int i = token.indexOf('.') + 5;
        char c = token.charAt(i);
        return token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
    }
}
