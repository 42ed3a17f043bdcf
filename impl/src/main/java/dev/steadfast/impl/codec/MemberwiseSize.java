package dev.steadfast.impl.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import dev.steadfast.codec.SessionTooLargeException;

/**
 * A {@link SessionSize} kept member by member, for a format whose cookie is the {@link SessionClaims} in an envelope
 * of a length that follows from the claims' length alone. The members of {@code att} are independent: the claims
 * take the bytes of the claims without attributes, plus each member's, plus a comma between members, and the
 * envelope turns that into the cookie's length (JWS: header, base64url of the claims, MAC; an AEAD format: header,
 * wrapped key, IV, base64url of a ciphertext as long as the claims, tag).
 */
final class MemberwiseSize implements SessionSize {

    private final SessionClaims claims;
    private final LongUnaryOperator cookieLength;
    private final int maxSize;
    private final boolean exact;
    private final long fixed;
    private final Map<String, Long> members;
    private final long memberBytes;

    /**
     * @param claims       measures a member exactly
     * @param cookieLength the cookie's length for claims of so many UTF-8 bytes
     * @param maxSize      the codec's maximum size
     * @param exact        whether {@code fixed} and {@code members} are exact or upper bounds
     * @param fixed        the UTF-8 bytes of the claims without attributes
     * @param members      the UTF-8 bytes of each attribute's {@code "name":value}
     */
    MemberwiseSize(SessionClaims claims, LongUnaryOperator cookieLength, int maxSize, boolean exact, long fixed,
                   Map<String, Long> members) {
        this.claims = claims;
        this.cookieLength = cookieLength;
        this.maxSize = maxSize;
        this.exact = exact;
        this.fixed = fixed;
        this.members = members;
        long sum = 0;
        for (long length : members.values()) {
            sum = saturatedAdd(sum, length);
        }
        this.memberBytes = sum;
    }

    @Override
    public boolean isExact() {
        return exact;
    }

    @Override
    public long length() {
        long payload = saturatedAdd(saturatedAdd(fixed, memberBytes), Math.max(0, members.size() - 1));
        return payload == Long.MAX_VALUE ? payload : cookieLength.applyAsLong(payload);
    }

    @Override
    public boolean fits() {
        return length() <= maxSize;
    }

    @Override
    public SessionSize with(String name, Object value) {
        Map<String, Long> changed = new HashMap<>(members);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, exact ? claims.memberLength(name, value) : TypedAttributes.maxMemberLength(name, value));
        }
        return new MemberwiseSize(claims, cookieLength, maxSize, exact, fixed, changed);
    }

    @Override
    public void checkLimit() {
        if (!exact) {
            throw new IllegalStateException("a bound cannot refuse a session: measure it");
        }
        long length = length();
        if (length > maxSize) {
            throw new SessionTooLargeException((int) Math.min(length, Integer.MAX_VALUE), maxSize);
        }
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 || a == Long.MAX_VALUE || b == Long.MAX_VALUE ? Long.MAX_VALUE : sum;
    }
}
