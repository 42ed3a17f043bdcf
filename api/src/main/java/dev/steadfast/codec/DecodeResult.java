package dev.steadfast.codec;

import java.util.Objects;

/**
 * The outcome of {@link SessionCodec#decode(String)}: a verified session, or a typed rejection. Decoding never
 * throws for bad input.
 */
public sealed interface DecodeResult permits DecodeResult.Valid, DecodeResult.Rejected {

    /**
     * A session whose integrity check passed (its MAC or authentication tag verified) and whose claims are in force.
     *
     * @param session     the session
     * @param keyId       the key that opened it
     * @param needsResign whether it was sealed by a key other than the primary, so the caller should re-issue it
     *                    (signed or encrypted anew under the primary key)
     */
    record Valid(SessionData session, String keyId, boolean needsResign) implements DecodeResult {
        /** Null checks. */
        public Valid {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    /**
     * A cookie value that must be treated exactly as if no cookie had been sent.
     *
     * @param reason why
     */
    record Rejected(Rejection reason) implements DecodeResult {
        /** Null check. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
