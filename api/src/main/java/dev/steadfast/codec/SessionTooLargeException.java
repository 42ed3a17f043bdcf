package dev.steadfast.codec;

/**
 * The encoded session would exceed its size budget. The message names sizes, never content.
 */
public class SessionTooLargeException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final int limit;

    /**
     * @param size  the encoded size in characters
     * @param limit the configured maximum
     */
    public SessionTooLargeException(int size, int limit) {
        super("Encoded session is " + size + " characters; the limit is " + limit
                + " (steadfast.session.max-size)");
        this.size = size;
        this.limit = limit;
    }

    /** @return the encoded size in characters */
    public int size() {
        return size;
    }

    /** @return the configured maximum */
    public int limit() {
        return limit;
    }
}
