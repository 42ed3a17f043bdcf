package dev.steadfast.impl.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.steadfast.keys.SigningKey;

/**
 * One key of the ring ready to sign and verify: its precomputed protected header and an initialised {@link Mac} per
 * thread. {@code Mac.getInstance} and {@code init} cost more than the HMAC of a small cookie, so they run once per key
 * and thread; the per-thread value is a JDK class only, so it pins no application class loader.
 */
final class KeyMac implements RingKey {

    /** The JWS {@code typ} of a Steadfast session cookie. */
    static final String TYPE = "steadfast-session+jwt";

    private final SigningKey key;
    private final byte[] encodedHeader;
    private final ThreadLocal<Mac> macs;

    private KeyMac(SigningKey key) {
        this.key = key;
        // Key ids match [a-z0-9][a-z0-9-]*, so they need no JSON escaping.
        String header = "{\"alg\":\"" + key.algorithm().name() + "\",\"kid\":\"" + key.id() + "\",\"typ\":\"" + TYPE
                + "\"}";
        this.encodedHeader = Base64Url.encode(header.getBytes(StandardCharsets.US_ASCII));
        String jcaName = key.algorithm().jcaName();
        byte[] secret = key.secret().toByteArray();
        SecretKeySpec spec = new SecretKeySpec(secret, jcaName);
        Arrays.fill(secret, (byte) 0);
        Mac prototype = newMac(spec);
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
        this.macs.set(prototype);
    }

    /**
     * @param key a ring key
     * @return its MAC holder
     * @throws IllegalStateException when the platform lacks the key's HMAC algorithm
     */
    static KeyMac of(SigningKey key) {
        return new KeyMac(Objects.requireNonNull(key, "key"));
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(spec.getAlgorithm());
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            // Only the algorithm name goes into the message: a provider's exception text is not ours to trust.
            throw new IllegalStateException(spec.getAlgorithm() + " is not available on this Java platform");
        }
    }

    /** @return the key */
    @Override
    public SigningKey key() {
        return key;
    }

    /** @return the base64url-encoded protected header this key signs with, as ASCII; do not modify */
    byte[] encodedHeader() {
        return encodedHeader;
    }

    /**
     * @return whether {@code input[from, to)} is exactly this key's precomputed header
     */
    @Override
    public boolean isEncodedHeader(byte[] input, int from, int to) {
        return Arrays.equals(input, from, to, encodedHeader, 0, encodedHeader.length);
    }

    /**
     * @param input  the bytes to authenticate
     * @param offset start
     * @param length length
     * @return the MAC of {@code input[offset, offset + length)}
     */
    byte[] sign(byte[] input, int offset, int length) {
        Mac mac = macs.get();
        mac.update(input, offset, length);
        return mac.doFinal();
    }

    /**
     * Compares in time independent of where the tags differ; a tag of the wrong length (truncated or extended) fails.
     */
    boolean verify(byte[] input, int offset, int length, byte[] tag) {
        return MessageDigest.isEqual(sign(input, offset, length), tag);
    }

    /** @return the key's id, algorithm and fingerprint; never the secret */
    @Override
    public String toString() {
        return "KeyMac[" + key + "]";
    }
}
