package dev.steadfast.tck.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds and opens encrypted session cookies independently of any implementation, from the format in
 * {@code docs/spec.md} (ENC clauses), with the JDK alone: HKDF-SHA-256 written out from RFC 5869 on {@link Mac}, AES
 * key wrap ({@code AESWrap}) and AES-GCM. This is how the kit checks that an implementation's cookie is plain JWE
 * under the specified derived key, and forges the cookies it must refuse.
 */
public final class Jwe {

    /** HKDF salt (ENC-4). */
    public static final String SALT = "steadfast-session-v1";
    /** HKDF info label (ENC-4), followed by a zero byte and the UTF-8 audience. */
    public static final String LABEL = "steadfast/v1/jwe/A256KW";
    /** The header's {@code typ} (ENC-2). */
    public static final String TYPE = "steadfast-session+jwe";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Jwe() {
    }

    /**
     * The five segments of a compact serialization, decoded, and the header's encoded text (the AAD).
     *
     * @param header        the protected header JSON
     * @param encryptedKey  the wrapped content key (empty for {@code dir})
     * @param iv            the IV
     * @param ciphertext    the ciphertext
     * @param tag           the authentication tag
     * @param encodedHeader the first segment as sent
     * @param segments      the five segments as sent
     */
    public record Parts(String header, byte[] encryptedKey, byte[] iv, byte[] ciphertext, byte[] tag,
                        String encodedHeader, String[] segments) {
        /** @return the header as a JSON object */
        public Map<String, Object> headerJson() {
            return MiniJson.parseObject(header);
        }
    }

    /**
     * @param token a compact JWE
     * @return its segments
     * @throws IllegalArgumentException when it is not five base64url segments
     */
    public static Parts parse(String token) {
        String[] s = token.split("\\.", -1);
        if (s.length != 5) {
            throw new IllegalArgumentException("not five segments: " + s.length);
        }
        Base64.Decoder d = Base64.getUrlDecoder();
        return new Parts(new String(d.decode(s[0]), StandardCharsets.UTF_8), d.decode(s[1]), d.decode(s[2]),
                d.decode(s[3]), d.decode(s[4]), s[0], s);
    }

    /** @return the token with segment {@code index} (0 to 4) replaced by {@code segment}, as given */
    public static String withSegment(String token, int index, String segment) {
        String[] s = token.split("\\.", -1);
        s[index] = segment;
        return String.join(".", s);
    }

    /** @return Steadfast's header for a key: exactly alg, enc, kid, typ, in that order */
    public static String header(String kid) {
        return header("A256KW", "A256GCM", kid);
    }

    /** @return a header of Steadfast's shape with the given algorithms */
    public static String header(String alg, String enc, String kid) {
        return "{\"alg\":\"" + alg + "\",\"enc\":\"" + enc + "\",\"kid\":\"" + kid + "\",\"typ\":\"" + TYPE + "\"}";
    }

    /**
     * The key-encryption key of ENC-4.
     *
     * @param secret   the configured secret, used as its UTF-8 bytes
     * @param audience the audience
     * @return 32 bytes
     */
    public static byte[] derivedKey(String secret, String audience) {
        return derivedKey(secret.getBytes(StandardCharsets.UTF_8), audience);
    }

    /** @return the key-encryption key of ENC-4 for raw secret bytes */
    public static byte[] derivedKey(byte[] secret, String audience) {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(LABEL.getBytes(StandardCharsets.US_ASCII));
        info.write(0);
        info.writeBytes(audience.getBytes(StandardCharsets.UTF_8));
        return hkdfSha256(SALT.getBytes(StandardCharsets.US_ASCII), secret, info.toByteArray(), 32);
    }

    /**
     * HKDF-SHA-256, RFC 5869 §2.2 and §2.3.
     *
     * @return {@code length} bytes of output keying material, at most 255 * 32
     */
    public static byte[] hkdfSha256(byte[] salt, byte[] ikm, byte[] info, int length) {
        // An absent salt is HashLen zero bytes (RFC 5869 §2.2), which HMAC pads an empty key to anyway.
        byte[] prk = hmacSha256(salt.length == 0 ? new byte[32] : salt, ikm);
        byte[] okm = new byte[length];
        byte[] block = new byte[0];
        for (int i = 1, at = 0; at < length; i++) {
            byte[] input = Arrays.copyOf(block, block.length + info.length + 1);
            System.arraycopy(info, 0, input, block.length, info.length);
            input[input.length - 1] = (byte) i;
            block = hmacSha256(prk, input);
            int n = Math.min(block.length, length - at);
            System.arraycopy(block, 0, okm, at, n);
            at += n;
        }
        return okm;
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** @return {@code n} random bytes */
    public static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /**
     * Encrypts as A256KW with A256GCM under a fresh content key and IV, whatever the header says.
     *
     * @param headerJson the header JSON text, used byte for byte
     * @param kek        the 32-byte key-encryption key
     * @param plaintext  the claims
     * @return the compact serialization
     */
    public static String seal(String headerJson, byte[] kek, String plaintext) {
        return seal(headerJson, kek, random(32), random(12), plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Encrypts as A256KW with A256GCM with the given content key and IV.
     *
     * @return the compact serialization
     */
    public static String seal(String headerJson, byte[] kek, byte[] contentKey, byte[] iv, byte[] plaintext) {
        try {
            Cipher wrap = Cipher.getInstance("AESWrap");
            wrap.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
            byte[] wrapped = wrap.wrap(new SecretKeySpec(contentKey, "AES"));
            return sealed(headerJson, wrapped, contentKey, iv, plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Encrypts as {@code dir} would: the content key is the given key, and the encrypted key segment is empty.
     *
     * @return the compact serialization
     */
    public static String sealDirect(String headerJson, byte[] contentKey, String plaintext) {
        return sealed(headerJson, new byte[0], contentKey, random(12), plaintext.getBytes(StandardCharsets.UTF_8));
    }

    private static String sealed(String headerJson, byte[] wrapped, byte[] contentKey, byte[] iv, byte[] plaintext) {
        String header = b64(headerJson.getBytes(StandardCharsets.UTF_8));
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, iv));
            gcm.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] out = gcm.doFinal(plaintext);
            byte[] ciphertext = Arrays.copyOf(out, out.length - 16);
            byte[] tag = Arrays.copyOfRange(out, out.length - 16, out.length);
            return header + "." + b64(wrapped) + "." + b64(iv) + "." + b64(ciphertext) + "." + b64(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decrypts a cookie as A256KW with A256GCM, whatever its header says.
     *
     * @param token a compact JWE
     * @param kek   the 32-byte key-encryption key
     * @return the plaintext (the claims JSON)
     * @throws GeneralSecurityException when the key does not unwrap or the tag does not verify
     */
    public static String open(String token, byte[] kek) throws GeneralSecurityException {
        Parts p = parse(token);
        Cipher unwrap = Cipher.getInstance("AESWrap");
        unwrap.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
        Key contentKey = unwrap.unwrap(p.encryptedKey(), "AES", Cipher.SECRET_KEY);
        return decrypt(p, contentKey.getEncoded());
    }

    /**
     * Decrypts a cookie as {@code dir} would, with the given key as the content key.
     *
     * @return the plaintext
     * @throws GeneralSecurityException when the tag does not verify
     */
    public static String openDirect(String token, byte[] contentKey) throws GeneralSecurityException {
        return decrypt(parse(token), contentKey);
    }

    private static String decrypt(Parts p, byte[] contentKey) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, p.iv()));
        gcm.updateAAD(p.encodedHeader().getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = Arrays.copyOf(p.ciphertext(), p.ciphertext().length + p.tag().length);
        System.arraycopy(p.tag(), 0, sealed, p.ciphertext().length, p.tag().length);
        return new String(gcm.doFinal(sealed), StandardCharsets.UTF_8);
    }

    /** @return unpadded base64url */
    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
