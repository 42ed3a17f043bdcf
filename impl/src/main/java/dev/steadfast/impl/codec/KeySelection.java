package dev.steadfast.impl.codec;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.steadfast.codec.Rejection;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SigningKey;

/**
 * Which key of the ring seals and which opens, the same for every format, after Tink's primitive set: the primary
 * (the ring's first key) seals; the key the cookie names by {@code kid} opens, unless it is unknown or retired; a
 * cookie opened by a key other than the primary is re-issued ({@code needsResign}). The format says where the key id
 * comes from (its protected header) and what the key is pinned to ({@code alg}, and for JWE {@code enc}).
 *
 * @param <K> the format's form of a key
 */
final class KeySelection<K extends RingKey> {

    private final KeyRing keys;
    private final List<K> prepared;
    private final K primary;

    /**
     * @param keys    the ring; its first key is the primary
     * @param prepare makes a ring key ready for the format, once per codec
     */
    KeySelection(KeyRing keys, Function<SigningKey, K> prepare) {
        this.keys = keys;
        this.prepared = keys.keys().stream().map(prepare).toList();
        this.primary = prepared.get(0);
    }

    /** @return the primary key, which seals */
    K primary() {
        return primary;
    }

    /**
     * The fast path: every cookie issued here carries one of the keys' precomputed headers byte for byte, so
     * comparing bytes finds the key without parsing anything.
     *
     * @return the key whose precomputed header {@code raw[0, headerEnd)} is, or null
     */
    K byEncodedHeader(byte[] raw, int headerEnd) {
        for (K candidate : prepared) {
            if (candidate.isEncodedHeader(raw, 0, headerEnd)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * @param kid the key id the cookie names
     * @param now the time of the check
     * @return the key of that id, which may open cookies at {@code now}
     * @throws RejectedException {@link Rejection#UNKNOWN_KEY} when the ring has no such key,
     *                           {@link Rejection#RETIRED_KEY} when it is retired
     */
    K select(String kid, Instant now) throws RejectedException {
        Optional<SigningKey> key = keys.find(kid);
        if (key.isEmpty()) {
            throw RejectedException.of(Rejection.UNKNOWN_KEY);
        }
        return live(prepared.get(keys.keys().indexOf(key.get())), now);
    }

    /**
     * @return the key, which may open cookies at {@code now}
     * @throws RejectedException {@link Rejection#RETIRED_KEY} when it is retired
     */
    K live(K key, Instant now) throws RejectedException {
        if (key.key().isRetiredAt(now)) {
            throw RejectedException.of(Rejection.RETIRED_KEY);
        }
        return key;
    }

    /** @return whether a cookie opened by this key should be re-issued under the primary */
    boolean needsResign(K key) {
        return key != primary;
    }

    /** @return the key ids; never secrets */
    @Override
    public String toString() {
        return keys.toString();
    }
}
