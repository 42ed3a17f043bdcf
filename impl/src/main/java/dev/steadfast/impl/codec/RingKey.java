package dev.steadfast.impl.codec;

import dev.steadfast.keys.SigningKey;

/**
 * One key of the ring made ready for a format: the JWS format's {@link KeyMac}, the JWE format's {@link KeyWrap}.
 * What {@link KeySelection} needs of it, whatever the format: the configured key, and the format's precomputed
 * protected header for that key, so a cookie issued here is matched without parsing.
 */
interface RingKey {

    /** @return the configured key */
    SigningKey key();

    /** @return whether {@code input[from, to)} is exactly this key's precomputed, base64url-encoded header */
    boolean isEncodedHeader(byte[] input, int from, int to);
}
