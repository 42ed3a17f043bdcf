package dev.steadfast.codec;

/**
 * Why a cookie value was not accepted as a session. Every rejection means the same thing to the application: no
 * session was sent. The reasons exist for metrics and logs.
 *
 * <p>The reasons are format-neutral: a signed format (JWS, RFC 7515) and an encrypting one (JWE, RFC 7516) report
 * through the same constants, each by its own checks. Which exact condition of a format maps to which reason is the
 * format's to document (Steadfast's JWS format: docs/spec.md, clauses CODEC-9 to CODEC-18; its JWE format: the ENC
 * clauses).
 */
public enum Rejection {
    /** Longer than the configured maximum; nothing of it was parsed. */
    OVERSIZED,
    /**
     * Not this format's compact serialization: the wrong number of base64url segments, characters outside the
     * alphabet, padding or non-canonical base64url, or trailing data.
     */
    MALFORMED,
    /**
     * The protected header is not exactly what this format expects: not a JSON object, too long, or without exactly
     * the members the format requires, each of the right JSON type.
     */
    BAD_HEADER,
    /**
     * The protected header carries a member this format forbids, for example {@code crit}, {@code jku}, {@code jwk},
     * {@code x5u} or {@code zip}.
     */
    FORBIDDEN_HEADER,
    /** The header's type ({@code typ}) is not this format's. */
    WRONG_TYPE,
    /**
     * An algorithm the header names is not the one this format and the named key are pinned to: {@code none}, an
     * unknown algorithm, another size or another spelling.
     */
    ALGORITHM_MISMATCH,
    /** No key in the ring has the key id the header names (for example a key removed after rotation). */
    UNKNOWN_KEY,
    /** The key's {@code retire-at} has passed. */
    RETIRED_KEY,
    /**
     * The integrity check failed: the MAC or the authentication tag does not verify, or the content key does not
     * unwrap, under the named key; the value was changed, or made with another secret under the same key id.
     */
    BAD_SIGNATURE,
    /**
     * The authenticated content is not a valid claims set: bad JSON, duplicate members, nesting too deep, bad claim
     * types.
     */
    BAD_CLAIMS,
    /** The audience is another application's. */
    WRONG_AUDIENCE,
    /** Issued in the future beyond the clock leeway. */
    NOT_YET_VALID,
    /** Past its expiry ({@code exp}) or idle timeout. */
    EXPIRED,
    /** Older than the absolute session timeout configured now. */
    ABSOLUTE_TIMEOUT
}
