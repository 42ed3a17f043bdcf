package dev.steadfast.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Secret key material. Its {@link #toString()} never shows the bytes, and {@link #equals(Object)} runs in time
 * independent of where two secrets differ.
 *
 * <p>A configured secret string is used as its UTF-8 bytes, as Flask, Django and JOSE libraries do, so a value from
 * {@code openssl rand -hex 32} works as pasted.
 */
public final class SecretBytes {

    private final byte[] bytes;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param bytes key material, copied
     * @return the secret
     * @throws IllegalArgumentException when {@code bytes} is empty
     */
    public static SecretBytes copyOf(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new SecretBytes(bytes.clone());
    }

    /**
     * @param secret a configured secret string
     * @return its UTF-8 bytes as a secret
     * @throws IllegalArgumentException when {@code secret} is empty
     */
    public static SecretBytes fromUtf8(String secret) {
        Objects.requireNonNull(secret, "secret");
        return copyOf(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return a fresh copy of the key material; the caller should not keep it longer than needed
     */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /**
     * @return the number of bytes
     */
    public int size() {
        return bytes.length;
    }

    /**
     * Compares key material in constant time.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SecretBytes && MessageDigest.isEqual(bytes, ((SecretBytes) o).bytes);
    }

    /**
     * Depends on the length only, so that hashing never spreads information about the bytes.
     */
    @Override
    public int hashCode() {
        return bytes.length;
    }

    /**
     * @return a fixed text that reveals nothing but the size
     */
    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes, redacted]";
    }

    /**
     * Overwrites this instance's copy of the key material with zeros; later use gives wrong results, so call it
     * only when the key is discarded.
     */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }
}
