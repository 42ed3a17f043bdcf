package dev.steadfast.codec;

/**
 * Turns a session into a cookie value and back.
 *
 * <p>The format is the implementation's: Steadfast's is a JWS compact serialization (RFC 7515) signed with the key
 * ring's primary key and verified by {@code kid}. Signed, not encrypted: the client can read the session's content.
 * An encrypting format can implement this same interface.
 *
 * <p>Implementations are thread-safe.
 */
public interface SessionCodec {

    /**
     * Signs the session with the primary key. The cookie records {@link SessionData#lastAccessedTime()} as its
     * issue time; its expiry is the earlier of the idle expiry and the absolute expiry.
     *
     * @param session the session
     * @return the cookie value, URL-safe and free of characters a cookie value may not hold
     * @throws IllegalArgumentException when an attribute value is of an unsupported type, naming the attribute and
     *                                  the type
     * @throws SessionTooLargeException when the encoded session exceeds the configured maximum size
     */
    String encode(SessionData session);

    /**
     * Verifies and decodes a cookie value. Checks run in an order that touches no attacker-controlled JSON before
     * the MAC verifies, except the small, bounded header.
     *
     * @param cookieValue the cookie value as received
     * @return the session, or the reason it was rejected; never throws for any input
     */
    DecodeResult decode(String cookieValue);
}
