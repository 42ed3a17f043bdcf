package dev.steadfast.impl.codec;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steadfast.codec.Rejection;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SigningKey;

/**
 * The key ring as one MAC, after Tink's {@code MacWrapper} (a primitive set wrapped as one primitive): signs with the
 * primary key, verifies with the key the cookie names by {@code kid}, and tells whether a verified cookie was signed
 * by a key other than the primary, so that it is re-issued ({@code needsResign}). Key selection lives here and only
 * here; the format says where the key id comes from (JWS: its protected header) and what the key must be pinned to
 * (JWS: {@code alg}). An encrypting format has the same shape over its key-wrapping primitive.
 */
final class KeyRingMac {

    private final KeyRing keys;
    private final List<KeyMac> macs;
    private final KeyMac primary;

    /**
     * @param keys the ring; its first key is the primary
     * @throws IllegalStateException when the platform lacks a key's HMAC algorithm
     */
    KeyRingMac(KeyRing keys) {
        this.keys = keys;
        this.macs = keys.keys().stream().map(KeyMac::of).toList();
        this.primary = macs.get(0);
    }

    /** @return the primary key, which signs */
    KeyMac primary() {
        return primary;
    }

    /** @return the MAC of {@code input[offset, offset + length)} under the primary key */
    byte[] sign(byte[] input, int offset, int length) {
        return primary.sign(input, offset, length);
    }

    /** @return how many base64url characters the primary key's MAC takes (86 hold an HS512 tag) */
    int encodedTagLength() {
        return (primary.key().algorithm().macBits() / 8 * 4 + 2) / 3;
    }

    /**
     * The fast path of selection: every cookie issued here carries one of the keys' precomputed headers byte for
     * byte, so comparing bytes finds the key without parsing anything.
     *
     * @return the key whose precomputed header {@code raw[0, headerEnd)} is, or null
     */
    KeyMac byEncodedHeader(byte[] raw, int headerEnd) {
        for (KeyMac candidate : macs) {
            if (candidate.isEncodedHeader(raw, 0, headerEnd)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * @param kid the key id the cookie names
     * @param now the time of the check
     * @return the key of that id, which may verify at {@code now}
     * @throws RejectedException {@link Rejection#UNKNOWN_KEY} when the ring has no such key,
     *                           {@link Rejection#RETIRED_KEY} when it is retired
     */
    KeyMac select(String kid, Instant now) throws RejectedException {
        Optional<SigningKey> key = keys.find(kid);
        if (key.isEmpty()) {
            throw RejectedException.of(Rejection.UNKNOWN_KEY);
        }
        return live(macs.get(keys.keys().indexOf(key.get())), now);
    }

    /**
     * @return the key, which may verify at {@code now}
     * @throws RejectedException {@link Rejection#RETIRED_KEY} when it is retired
     */
    KeyMac live(KeyMac mac, Instant now) throws RejectedException {
        if (mac.key().isRetiredAt(now)) {
            throw RejectedException.of(Rejection.RETIRED_KEY);
        }
        return mac;
    }

    /**
     * Verifies in time independent of where the tags differ.
     *
     * @param mac the selected key
     * @throws RejectedException {@link Rejection#BAD_SIGNATURE} when the tag is not the MAC of the input
     */
    void verify(KeyMac mac, byte[] input, int offset, int length, byte[] tag) throws RejectedException {
        if (!mac.verify(input, offset, length, tag)) {
            throw RejectedException.of(Rejection.BAD_SIGNATURE);
        }
    }

    /** @return whether a cookie verified by this key should be re-issued under the primary */
    boolean needsResign(KeyMac mac) {
        return mac != primary;
    }

    /** @return the key ids; never secrets */
    @Override
    public String toString() {
        return keys.toString();
    }
}
