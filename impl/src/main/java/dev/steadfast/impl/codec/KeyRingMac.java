package dev.steadfast.impl.codec;

import java.time.Instant;

import dev.steadfast.codec.Rejection;
import dev.steadfast.keys.KeyRing;

/**
 * The key ring as one MAC, after Tink's {@code MacWrapper} (a primitive set wrapped as one primitive): signs with the
 * primary key, verifies with the key the cookie names by {@code kid}, and tells whether a verified cookie was signed
 * by a key other than the primary, so that it is re-issued ({@code needsResign}). Which key that is, is
 * {@link KeySelection}'s, shared with the encrypting format; the format says where the key id comes from (JWS: its
 * protected header) and what the key must be pinned to (JWS: {@code alg}).
 */
final class KeyRingMac {

    private final KeySelection<KeyMac> selection;

    /**
     * @param keys the ring; its first key is the primary
     * @throws IllegalStateException when the platform lacks a key's HMAC algorithm
     */
    KeyRingMac(KeyRing keys) {
        this.selection = new KeySelection<>(keys, KeyMac::of);
    }

    /** @return the primary key, which signs */
    KeyMac primary() {
        return selection.primary();
    }

    /** @return the MAC of {@code input[offset, offset + length)} under the primary key */
    byte[] sign(byte[] input, int offset, int length) {
        return selection.primary().sign(input, offset, length);
    }

    /** @return how many base64url characters the primary key's MAC takes (86 hold an HS512 tag) */
    int encodedTagLength() {
        return (selection.primary().key().algorithm().macBits() / 8 * 4 + 2) / 3;
    }

    /** @return the key whose precomputed header {@code raw[0, headerEnd)} is, or null; see {@link KeySelection} */
    KeyMac byEncodedHeader(byte[] raw, int headerEnd) {
        return selection.byEncodedHeader(raw, headerEnd);
    }

    /** See {@link KeySelection#select}. */
    KeyMac select(String kid, Instant now) throws RejectedException {
        return selection.select(kid, now);
    }

    /** See {@link KeySelection#live}. */
    KeyMac live(KeyMac mac, Instant now) throws RejectedException {
        return selection.live(mac, now);
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
        return selection.needsResign(mac);
    }

    /** @return the key ids; never secrets */
    @Override
    public String toString() {
        return selection.toString();
    }
}
