package dev.steadfast.codec;

/**
 * Turns a session into a cookie value and back.
 *
 * <p>The format is the implementation's. Whatever it is, it seals the session with the key ring's primary key and
 * opens it with the key the cookie names, so that rotation works alike for every format. Steadfast writes the format
 * {@link CodecOptions#format()} names: a JWS compact serialization (RFC 7515, the default), signed, not encrypted, so
 * the client can read the session's content; or a JWE compact serialization (RFC 7516), encrypted and authenticated.
 * Both report through the same {@link Rejection} reasons.
 *
 * <p>Implementations are thread-safe.
 */
public interface SessionCodec {

    /**
     * Seals the session with the primary key: signs it, or encrypts and authenticates it. The cookie records
     * {@link SessionData#lastAccessedTime()} as its issue time; its expiry is the earlier of the idle expiry and the
     * absolute expiry.
     *
     * @param session the session
     * @return the cookie value, URL-safe and free of characters a cookie value may not hold
     * @throws IllegalArgumentException when an attribute value is of an unsupported type, naming the attribute and
     *                                  the type
     * @throws SessionTooLargeException when the encoded session exceeds the configured maximum size
     */
    String encode(SessionData session);

    /**
     * Checks and decodes a cookie value. Checks run in an order that touches no attacker-controlled JSON before the
     * integrity check (a MAC, or an authentication tag) passes, except the small, bounded protected header.
     *
     * @param cookieValue the cookie value as received
     * @return the session, or the reason it was rejected; never throws for any input
     */
    DecodeResult decode(String cookieValue);
}
