package dev.steadfast.quickstart;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints JWS compact tokens with the JDK only (Mac, Base64), independently of Steadfast's codec. */
final class Tokens {

    static final String TYPE = "steadfast-session+jwt";

    private Tokens() {
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String fromB64(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    static byte[] hmac(String jcaName, byte[] key, String signingInput) {
        try {
            Mac mac = Mac.getInstance(jcaName);
            mac.init(new SecretKeySpec(key, jcaName));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.ISO_8859_1));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** @return {@code b64(header).b64(payload).b64(HMAC)} with the given JCA HMAC and key */
    static String sign(String headerJson, String payloadJson, String jcaName, byte[] key) {
        return signSegments(b64(headerJson), b64(payloadJson), jcaName, key);
    }

    static String signSegments(String header, String payload, String jcaName, byte[] key) {
        String input = header + "." + payload;
        return input + "." + b64(hmac(jcaName, key, input));
    }

    static String header(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"" + TYPE + "\"}";
    }

    static String payload(String aud, String sid, long iat, long exp, long crt, long mii, String att) {
        return "{\"aud\":\"" + aud + "\",\"sid\":\"" + sid + "\",\"iat\":" + iat + ",\"exp\":" + exp + ",\"crt\":" + crt
                + ",\"mii\":" + mii + ",\"att\":" + att + "}";
    }
}
