package dev.steadfast.impl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

import dev.steadfast.keys.SecretBytes;

/**
 * The keys a format derives from a configured secret, so that one secret never serves two purposes raw, and two
 * applications that share a secret by mistake cannot open each other's cookies. HKDF-SHA-256 (RFC 5869), through
 * Bouncy Castle's {@link HKDFBytesGenerator}: the JDK 17 baseline has no HKDF.
 *
 * <p>The encrypted format's (JWE) key-encryption key, exactly, for a ring key whose secret is S (the UTF-8 bytes of
 * the configured value, whitespace stripped: docs/spec.md KEYS-7) and the audience A
 * ({@code steadfast.session.audience}, by default the context path; {@code CodecOptions.audience()}):
 * <pre>
 * IKM  = S
 * salt = ASCII "steadfast-session-v1"                            20 bytes
 * info = ASCII "steadfast/v1/jwe/A256KW" || 0x00 || UTF-8(A)     23 + 1 + |A| bytes
 * L    = 32 bytes
 * PRK  = HMAC-SHA-256(key = salt, message = IKM)                 HKDF-Extract
 * KEK  = HMAC-SHA-256(key = PRK, message = info || 0x01)         HKDF-Expand: one block is 32 bytes
 * </pre>
 * The salt in hex is {@code 7374656164666173742d73657373696f6e2d7631}. Example: the audience {@code /shop} gives
 * the info {@code "steadfast/v1/jwe/A256KW" 00 "/shop"}, 29 bytes. KeyDerivationTest pins a derived key.
 * {@code KEK} is the AES-256 key of {@code alg} {@code A256KW} (RFC 7518 §4.4). A JOSE library given these 32 bytes
 * as an {@code oct} key decrypts Steadfast's JWE cookies, and a cookie it encrypts with them is accepted. The zero
 * byte ends the label, which holds none, so no label and audience run into another pair. The label names the
 * purpose and its version: a later purpose or version takes a new label, never a changed one.
 *
 * <p>The signed format (JWS) keeps using the raw secret as its HMAC key (docs/spec.md CODEC-7): deriving that key
 * too would change every MAC and log every user out on upgrade. Its audience binding is the {@code aud} claim the MAC
 * covers. The two purposes stay apart all the same: the secret is an HMAC key only for JWS (and for the public
 * fingerprint, over a fixed label), and only the extract step's input for JWE.
 *
 * <p>The key ring's fingerprints ({@code SigningKey.fingerprint()}) are of the configured secret, not of a derived
 * key, and stay non-secret.
 */
final class KeyDerivation {

    /** HKDF salt: ASCII {@value}. */
    static final String SALT = "steadfast-session-v1";
    /** HKDF info label of the JWE key-encryption key: ASCII {@value}, then a zero byte and the audience. */
    static final String JWE_KEY_LABEL = "steadfast/v1/jwe/A256KW";
    /** Length of a derived AES-256 key, in bytes. */
    static final int KEY_BYTES = 32;

    private KeyDerivation() {
    }

    /**
     * @param secret   the ring key's secret
     * @param audience the audience the codec writes and requires
     * @return the 32-byte A256KW key-encryption key; the caller should clear it once it holds a key spec
     */
    static byte[] jweKeyEncryptionKey(SecretBytes secret, String audience) {
        byte[] label = JWE_KEY_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] aud = audience.getBytes(StandardCharsets.UTF_8);
        byte[] info = new byte[label.length + 1 + aud.length];
        System.arraycopy(label, 0, info, 0, label.length);
        System.arraycopy(aud, 0, info, label.length + 1, aud.length);
        byte[] ikm = secret.toByteArray();
        try {
            return hkdfSha256(SALT.getBytes(StandardCharsets.US_ASCII), ikm, info, KEY_BYTES);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /**
     * HKDF-SHA-256 as RFC 5869 defines it (its test vectors: KeyDerivationTest).
     *
     * @return {@code length} bytes of output keying material
     */
    static byte[] hkdfSha256(byte[] salt, byte[] ikm, byte[] info, int length) {
        // The constructor rather than the newer SHA256Digest.newInstance(): a server that puts an older Bouncy Castle
        // ahead of the WAR's (parent-first class loading) still has it, as it has HKDF (since 1.49).
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, info));
        byte[] okm = new byte[length];
        hkdf.generateBytes(okm, 0, length);
        return okm;
    }
}
