package dev.steadfast.impl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

import dev.steadfast.keys.SigningKey;

/**
 * One key of the ring ready for the encrypted format: its key-encryption key, derived once per codec
 * ({@link KeyDerivation}, bound to the audience), and its precomputed protected header.
 */
final class KeyWrap implements RingKey {

    /** The JWE {@code typ} of a Steadfast session cookie; the signed format's is {@link KeyMac#TYPE}. */
    static final String TYPE = "steadfast-session+jwe";
    /** Key management: AES-256 key wrap (RFC 3394) of a fresh content key per cookie. */
    static final String ALG = "A256KW";
    /** Content encryption: AES-256-GCM with a 96-bit IV and a 128-bit tag. */
    static final String ENC = "A256GCM";

    private final SigningKey key;
    private final byte[] encodedHeader;
    private final SecretKeySpec keyEncryptionKey;

    private KeyWrap(SigningKey key, String audience) {
        this.key = key;
        // Key ids match [a-z0-9][a-z0-9-]*, so they need no JSON escaping.
        String header = "{\"alg\":\"" + ALG + "\",\"enc\":\"" + ENC + "\",\"kid\":\"" + key.id() + "\",\"typ\":\""
                + TYPE + "\"}";
        this.encodedHeader = Base64Url.encode(header.getBytes(StandardCharsets.US_ASCII));
        byte[] kek = KeyDerivation.jweKeyEncryptionKey(key.secret(), audience);
        this.keyEncryptionKey = new SecretKeySpec(kek, "AES");
        Arrays.fill(kek, (byte) 0);
    }

    /**
     * @param key      a ring key
     * @param audience the codec's audience, bound into the derived key
     * @return the key ready to wrap and unwrap content keys
     */
    static KeyWrap of(SigningKey key, String audience) {
        return new KeyWrap(Objects.requireNonNull(key, "key"), Objects.requireNonNull(audience, "audience"));
    }

    @Override
    public SigningKey key() {
        return key;
    }

    /** @return the base64url-encoded protected header this key encrypts under, as ASCII; do not modify */
    byte[] encodedHeader() {
        return encodedHeader;
    }

    @Override
    public boolean isEncodedHeader(byte[] input, int from, int to) {
        return Arrays.equals(input, from, to, encodedHeader, 0, encodedHeader.length);
    }

    /** @return the derived AES-256 key-encryption key */
    SecretKeySpec keyEncryptionKey() {
        return keyEncryptionKey;
    }

    /** @return the key's id, algorithm and fingerprint; never the secret or the derived key */
    @Override
    public String toString() {
        return "KeyWrap[" + key + "]";
    }
}
