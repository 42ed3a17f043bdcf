package dev.steadfast.impl.codec;

import java.util.HashMap;
import java.util.Map;

import dev.steadfast.codec.SessionTooLargeException;

/**
 * The exact length of a session's cookie, measured once and then updated one attribute at a time, so that checking
 * the size limit on every {@code setAttribute} costs the new value's encoding, not the whole session's.
 *
 * <p>It can be exact because the members of {@code att} are independent: the claims take the bytes of the claims
 * without attributes, plus each member's, plus a comma between members, and the cookie's length follows from that.
 * A {@code List} or {@code Map} changed in place after it was measured is not seen here; the encoding at commit is.
 * Immutable: a refused change leaves the previous measure in force.
 */
public final class SessionSize {

    private final JwsSessionCodec codec;
    private final int fixed;
    private final Map<String, Integer> members;
    private final int memberBytes;

    SessionSize(JwsSessionCodec codec, int fixed, Map<String, Integer> members) {
        this.codec = codec;
        this.fixed = fixed;
        this.members = members;
        int sum = 0;
        for (int length : members.values()) {
            sum += length;
        }
        this.memberBytes = sum;
    }

    /** @return the cookie's length in characters, as {@code encode} would produce it */
    public int length() {
        return codec.cookieLength(fixed + memberBytes + Math.max(0, members.size() - 1));
    }

    /**
     * @param name  the attribute
     * @param value its new value, or null when it is removed
     * @return the measure with that change
     * @throws IllegalArgumentException when the value cannot be encoded, as {@code encode} would
     */
    public SessionSize with(String name, Object value) {
        Map<String, Integer> changed = new HashMap<>(members);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, codec.memberLength(name, value));
        }
        return new SessionSize(codec, fixed, changed);
    }

    /** @throws SessionTooLargeException when the cookie would exceed the codec's maximum size */
    public void checkLimit() {
        int length = length();
        if (length > codec.maxSize()) {
            throw new SessionTooLargeException(length, codec.maxSize());
        }
    }
}
