package dev.steadfast.impl.codec;

import java.util.Map;

import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;

/**
 * What the request path asks of a codec besides {@link SessionCodec}: whether the cookie can hold a value, and how
 * long a session makes the cookie, cheaply enough to ask on every {@code setAttribute}. A format of Steadfast's
 * implements it; any other {@link SessionCodec} is answered by encoding. {@link #of} decides which, in one place.
 *
 * <p>Implementations are thread-safe.
 */
public interface SessionSizing {

    /**
     * @param codec the application's codec
     * @return the codec itself when it sizes its own sessions, otherwise an adapter that encodes the whole session
     *         to measure it
     */
    static SessionSizing of(SessionCodec codec) {
        return codec instanceof SessionSizing own ? own : new EncodingSizing(codec);
    }

    /**
     * Checks, when an attribute is set, that the cookie can hold it, so that the error points at the code that set
     * it rather than at the end of the request. Also locates the attribute at fault when an encoding fails.
     *
     * @param name  the attribute name
     * @param value the value
     * @throws UnstorableValueException naming the attribute path and the unsupported type, never the value
     */
    void checkAttribute(String name, Object value);

    /**
     * An upper bound of the cookie's length, from the values alone and without encoding: a session whose bound fits
     * the maximum size fits it, and one whose bound does not must be {@linkplain #measure measured}. For an
     * encrypting format the bound is of the sealed cookie, not of the plaintext: the claims' bound mapped through the
     * format's fixed overhead (header, wrapped key, IV, tag) and its expansion (none for an AEAD such as GCM, whose
     * ciphertext is as long as the plaintext; a padded mode rounds up to its block). A format that cannot bound
     * cheaply returns an unknown size (not exact, not fitting), which sends every check to {@link #measure}.
     *
     * @param id         the session id
     * @param attributes the attributes
     * @return an upper bound of the cookie length, updatable per attribute
     */
    SessionSize bound(String id, Map<String, Object> attributes);

    /**
     * The exact length of what {@code encode} would produce. Lengths are deterministic even where contents are not
     * (an encrypting format's IV and content key are random; their lengths are not).
     *
     * @param session the session
     * @return its exact cookie length; updatable per attribute where the format allows it
     * @throws IllegalArgumentException as {@code encode} does
     * @throws dev.steadfast.codec.SessionTooLargeException when measuring means encoding and the session is too large
     */
    SessionSize measure(SessionData session);
}
