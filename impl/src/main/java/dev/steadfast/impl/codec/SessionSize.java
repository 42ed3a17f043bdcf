package dev.steadfast.impl.codec;

import java.util.HashMap;
import java.util.Map;

import dev.steadfast.codec.SessionTooLargeException;

/**
 * A session's cookie length, computed once and then updated one attribute at a time, so that checking the size
 * limit on every {@code setAttribute} costs the new value's share, not the whole session's encoding.
 *
 * <p>Two kinds: an exact measure ({@link JwsSessionCodec#measure}), and an upper bound
 * ({@link JwsSessionCodec#bound}) that walks the values without encoding them. A session whose bound fits the limit
 * fits it; only one whose bound does not needs the exact measure. Both are possible because the members of
 * {@code att} are independent: the claims take the bytes of the claims without attributes, plus each member's, plus
 * a comma between members, and the cookie's length follows from that.
 *
 * <p>A {@code List} or {@code Map} changed in place after it was measured is not seen here; the encoding at commit
 * is. Immutable: a refused change leaves the previous measure in force.
 */
public final class SessionSize {

    private final JwsSessionCodec codec;
    private final boolean exact;
    private final long fixed;
    private final Map<String, Long> members;
    private final long memberBytes;

    SessionSize(JwsSessionCodec codec, boolean exact, long fixed, Map<String, Long> members) {
        this.codec = codec;
        this.exact = exact;
        this.fixed = fixed;
        this.members = members;
        long sum = 0;
        for (long length : members.values()) {
            sum = saturatedAdd(sum, length);
        }
        this.memberBytes = sum;
    }

    /** @return whether {@link #length()} is what {@code encode} produces, rather than an upper bound of it */
    public boolean isExact() {
        return exact;
    }

    /** @return the cookie's length in characters, or an upper bound of it; {@code Long.MAX_VALUE} when unknown */
    public long length() {
        long payload = saturatedAdd(saturatedAdd(fixed, memberBytes), Math.max(0, members.size() - 1));
        return payload == Long.MAX_VALUE ? payload : codec.cookieLength(payload);
    }

    /** @return whether the cookie is within the codec's maximum size; for a bound, false means "not known" */
    public boolean fits() {
        return length() <= codec.maxSize();
    }

    /**
     * @param name  the attribute
     * @param value its new value, or null when it is removed
     * @return the measure with that change, of the same kind
     * @throws IllegalArgumentException for an exact measure, when the value cannot be encoded, as {@code encode}
     */
    public SessionSize with(String name, Object value) {
        Map<String, Long> changed = new HashMap<>(members);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, exact ? codec.memberLength(name, value) : TypedAttributes.maxMemberLength(name, value));
        }
        return new SessionSize(codec, exact, fixed, changed);
    }

    /** @throws SessionTooLargeException when the exact cookie would exceed the codec's maximum size */
    public void checkLimit() {
        if (!exact) {
            throw new IllegalStateException("a bound cannot refuse a session: measure it");
        }
        long length = length();
        if (length > codec.maxSize()) {
            throw new SessionTooLargeException((int) Math.min(length, Integer.MAX_VALUE), codec.maxSize());
        }
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 || a == Long.MAX_VALUE || b == Long.MAX_VALUE ? Long.MAX_VALUE : sum;
    }
}
