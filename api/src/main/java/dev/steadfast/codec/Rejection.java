package dev.steadfast.codec;

/**
 * Why a cookie value was not accepted as a session. Every rejection means the same thing to the application: no
 * session was sent. The reasons exist for metrics and logs.
 */
public enum Rejection {
    /** Longer than the configured maximum; nothing of it was parsed. */
    OVERSIZED,
    /** Not three base64url segments, non-canonical base64url, or trailing data. */
    MALFORMED,
    /** The protected header is not a JSON object with exactly {@code alg}, {@code kid} and {@code typ}. */
    BAD_HEADER,
    /** The header carries a member this format forbids: {@code crit}, {@code jku}, {@code jwk}, {@code x5u}... */
    FORBIDDEN_HEADER,
    /** The {@code typ} header is not this format's type. */
    WRONG_TYPE,
    /** The {@code alg} header is {@code none}, unknown, or not the algorithm the key is pinned to. */
    ALGORITHM_MISMATCH,
    /** No key in the ring has the {@code kid} (for example a key removed after rotation). */
    UNKNOWN_KEY,
    /** The key's {@code retire-at} has passed. */
    RETIRED_KEY,
    /** The MAC does not verify. */
    BAD_SIGNATURE,
    /** The payload is not a valid claims set: bad JSON, duplicate members, nesting too deep, bad claim types. */
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
