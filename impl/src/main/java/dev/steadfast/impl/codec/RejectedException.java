package dev.steadfast.impl.codec;

import java.util.EnumMap;
import java.util.Map;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;

/**
 * Unwinds decoding to its single exit with a typed rejection. Instances are shared and immutable (no stack trace, no
 * suppression), so rejecting garbage allocates nothing; it never leaves the codec.
 */
final class RejectedException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final Map<Rejection, RejectedException> INSTANCES = new EnumMap<>(Rejection.class);

    static {
        for (Rejection reason : Rejection.values()) {
            INSTANCES.put(reason, new RejectedException(reason));
        }
    }

    private final transient DecodeResult.Rejected result;

    private RejectedException(Rejection reason) {
        super(reason.name(), null, false, false);
        this.result = new DecodeResult.Rejected(reason);
    }

    /**
     * @param reason why
     * @return the shared instance for that reason
     */
    static RejectedException of(Rejection reason) {
        return INSTANCES.get(reason);
    }

    /** @return the shared result for this reason */
    DecodeResult.Rejected result() {
        return result;
    }
}
