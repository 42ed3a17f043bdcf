package dev.steadfast.impl.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

import dev.steadfast.codec.SessionData;

/**
 * {@link SessionSizing} for a format of Steadfast's: its cookie is the {@link SessionClaims} in an envelope whose
 * length follows from the claims' UTF-8 length alone, so sessions are measured member by member
 * ({@link MemberwiseSize}) and the envelope maps the claims' length to the cookie's. JWS: header, base64url of the
 * claims, MAC. JWE: header, wrapped key, IV, base64url of a ciphertext as long as the claims (GCM does not expand),
 * tag. Each format gives its own mapping; the rest is here once.
 */
final class EnvelopeSizing implements SessionSizing {

    private final SessionClaims claims;
    private final int maxSize;
    private final LongUnaryOperator cookieLength;

    /**
     * @param claims       the format's claims writer
     * @param maxSize      the maximum cookie length
     * @param cookieLength the cookie's length for claims of so many UTF-8 bytes
     */
    EnvelopeSizing(SessionClaims claims, int maxSize, LongUnaryOperator cookieLength) {
        this.claims = claims;
        this.maxSize = maxSize;
        this.cookieLength = cookieLength;
    }

    @Override
    public void checkAttribute(String name, Object value) {
        TypedAttributes.validate(Objects.requireNonNull(name, "name"), value);
    }

    /**
     * Measures what the format's encode would produce, without sealing it, member by member, so that later
     * attribute changes can be measured by themselves ({@link SessionSize#with(String, Object)}).
     */
    @Override
    public SessionSize measure(SessionData session) {
        long fixed = claims.write(session, Map.of()).utf8Length();
        Map<String, Long> members = new HashMap<>();
        for (Map.Entry<String, Object> attribute : session.attributes().entrySet()) {
            members.put(attribute.getKey(), claims.memberLength(attribute.getKey(), attribute.getValue()));
        }
        return new MemberwiseSize(claims, cookieLength, maxSize, true, fixed, members);
    }

    /** From the values alone: no JSON is written, so it costs a walk over the attributes. */
    @Override
    public SessionSize bound(String id, Map<String, Object> attributes) {
        long fixed = claims.maxLengthWithoutAttributes(id);
        Map<String, Long> members = new HashMap<>();
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            members.put(attribute.getKey(), TypedAttributes.maxMemberLength(attribute.getKey(), attribute.getValue()));
        }
        return new MemberwiseSize(claims, cookieLength, maxSize, false, fixed, members);
    }

    /** @return the length of unpadded base64url of {@code bytes} bytes: ceil(4n / 3) characters */
    static long base64Length(long bytes) {
        return (bytes * 4 + 2) / 3;
    }
}
