package dev.steadfast.impl.codec;

import dev.steadfast.codec.SessionTooLargeException;

/**
 * A session's cookie length as {@link SessionSizing} found it: exact ({@link SessionSizing#measure}), or an upper
 * bound ({@link SessionSizing#bound}), and updatable one attribute at a time, so that checking the size limit on every
 * {@code setAttribute} costs the new value's share, not the whole session's encoding. A session whose bound fits the
 * limit fits it; only one whose bound does not needs the exact measure.
 *
 * <p>A {@code List} or {@code Map} changed in place after it was measured is not seen here; the encoding at commit
 * is. Immutable: a refused change leaves the previous size in force.
 */
public interface SessionSize {

    /** @return whether {@link #length()} is what {@code encode} produces, rather than an upper bound of it */
    boolean isExact();

    /** @return the cookie's length in characters, or an upper bound of it; {@code Long.MAX_VALUE} when unknown */
    long length();

    /** @return whether the cookie is within the codec's maximum size; for a bound, false means "not known" */
    boolean fits();

    /**
     * @param name  the attribute
     * @param value its new value, or null when it is removed
     * @return the size with that change: of the same kind when it can be had from the value alone, else unknown
     *         (a bound that does not fit), so that the caller measures
     * @throws IllegalArgumentException for an exact size, when the value cannot be encoded, as {@code encode}
     */
    SessionSize with(String name, Object value);

    /**
     * @throws SessionTooLargeException when the exact cookie would exceed the codec's maximum size
     * @throws IllegalStateException    when this is a bound, which cannot refuse a session
     */
    void checkLimit();
}
