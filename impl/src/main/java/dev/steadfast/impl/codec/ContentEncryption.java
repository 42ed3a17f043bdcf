package dev.steadfast.impl.codec;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.steadfast.codec.Rejection;

/**
 * The encrypted format's cryptography, {@code A256KW} with {@code A256GCM} (RFC 7518 §4.4 and §5.3), on the JDK's
 * own ciphers: every cookie gets a fresh random 256-bit content key, wrapped with the ring key's derived
 * key-encryption key (AES key wrap, RFC 3394, {@code AESWrap}), and a fresh random 96-bit IV for AES-GCM with a
 * 128-bit tag, whose additional authenticated data is the ASCII of the encoded protected header (RFC 7516 §5.1).
 *
 * <p>Why a content key per cookie rather than {@code dir}: a random 96-bit GCM nonce under one long-lived key is
 * good for about 2^32 encryptions (NIST SP 800-38D §8.3), which a cluster re-issuing 1,000 cookies a second reaches
 * in under two months. Here each GCM key encrypts exactly once, so nonces cannot collide under a key; the
 * key-encryption key only ever wraps uniformly random keys, which AES key wrap is made for and has no nonce.
 *
 * <p>Opening checks the lengths, unwraps (the key wrap's own integrity check), then decrypts: the JDK's GCM verifies
 * the tag, in constant time, before it releases any plaintext. Every failure is one rejection,
 * {@link Rejection#BAD_SIGNATURE}, which says nothing about which step failed.
 *
 * <p>The ciphers are kept per thread ({@code Cipher.getInstance} costs more than sealing a small cookie) and
 * initialised for every use, with that use's key and IV; they are JDK classes, so they pin no application class
 * loader.
 */
final class ContentEncryption {

    /** A256GCM's content key: 32 bytes. */
    static final int CONTENT_KEY_BYTES = 32;
    /** The wrapped content key: 32 bytes plus the key wrap's 8-byte integrity block. */
    static final int WRAPPED_KEY_BYTES = 40;
    /** The GCM IV: 96 bits. */
    static final int IV_BYTES = 12;
    /** The GCM tag: 128 bits. */
    static final int TAG_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ThreadLocal<Cipher> keyWrap = ThreadLocal.withInitial(() -> cipher("AESWrap"));
    private final ThreadLocal<Cipher> gcm = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));

    /**
     * A sealed claims set, each part as the compact serialization carries it (before base64url).
     *
     * @param wrappedKey the content key, wrapped
     * @param iv         the IV
     * @param ciphertext as long as the plaintext
     * @param tag        the authentication tag
     */
    record Sealed(byte[] wrappedKey, byte[] iv, byte[] ciphertext, byte[] tag) {
    }

    /**
     * @throws IllegalStateException when the platform lacks AES key wrap or AES-GCM
     */
    ContentEncryption() {
        keyWrap.get();
        gcm.get();
    }

    private static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available on this Java platform");
        }
    }

    /**
     * @param key       the primary key
     * @param aad       the encoded protected header, as ASCII
     * @param plaintext the claims
     * @return the parts, under a content key and IV drawn for this call alone
     */
    Sealed seal(KeyWrap key, byte[] aad, byte[] plaintext) {
        byte[] contentKeyBytes = new byte[CONTENT_KEY_BYTES];
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(contentKeyBytes);
        RANDOM.nextBytes(iv);
        SecretKeySpec contentKey = new SecretKeySpec(contentKeyBytes, "AES");
        Arrays.fill(contentKeyBytes, (byte) 0);
        try {
            Cipher wrap = keyWrap.get();
            wrap.init(Cipher.WRAP_MODE, key.keyEncryptionKey());
            byte[] wrapped = wrap.wrap(contentKey);
            Cipher aead = gcm.get();
            aead.init(Cipher.ENCRYPT_MODE, contentKey, new GCMParameterSpec(TAG_BYTES * 8, iv));
            aead.updateAAD(aad);
            byte[] sealed = aead.doFinal(plaintext);
            return new Sealed(wrapped, iv, Arrays.copyOf(sealed, plaintext.length),
                    Arrays.copyOfRange(sealed, plaintext.length, sealed.length));
        } catch (GeneralSecurityException e) {
            // Only the kind of failure: a provider's message is not ours to trust with key material nearby.
            throw new IllegalStateException("sealing the session failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param key        the key the header names
     * @param raw        the cookie, as ASCII
     * @param aadEnd     where its encoded protected header ends (the AAD is {@code raw[0, aadEnd)})
     * @param wrappedKey the decoded second segment
     * @param iv         the decoded third segment
     * @param ciphertext the decoded fourth segment
     * @param tag        the decoded fifth segment
     * @return the plaintext, whose integrity the tag has proven
     * @throws RejectedException {@link Rejection#BAD_SIGNATURE} when a length is not the format's, the content key
     *                           does not unwrap, or the tag does not verify
     */
    byte[] open(KeyWrap key, byte[] raw, int aadEnd, byte[] wrappedKey, byte[] iv, byte[] ciphertext, byte[] tag)
            throws RejectedException {
        // A shorter wrapped key would unwrap to an AES-128 or -192 content key: the lengths pin A256KW and A256GCM.
        if (wrappedKey.length != WRAPPED_KEY_BYTES || iv.length != IV_BYTES || tag.length != TAG_BYTES) {
            throw RejectedException.of(Rejection.BAD_SIGNATURE);
        }
        try {
            Cipher unwrap = keyWrap.get();
            unwrap.init(Cipher.UNWRAP_MODE, key.keyEncryptionKey());
            Key contentKey = unwrap.unwrap(wrappedKey, "AES", Cipher.SECRET_KEY);
            byte[] sealed = Arrays.copyOf(ciphertext, ciphertext.length + TAG_BYTES);
            System.arraycopy(tag, 0, sealed, ciphertext.length, TAG_BYTES);
            Cipher aead = gcm.get();
            aead.init(Cipher.DECRYPT_MODE, contentKey, new GCMParameterSpec(TAG_BYTES * 8, iv));
            aead.updateAAD(raw, 0, aadEnd);
            return aead.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException, or the key wrap's InvalidKeyException: the same rejection either way.
            throw RejectedException.of(Rejection.BAD_SIGNATURE);
        }
    }
}
