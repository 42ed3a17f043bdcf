package dev.steadfast.impl.codec;

import java.util.Map;
import java.util.Set;

import dev.steadfast.codec.Rejection;
import dev.steadfast.impl.codec.StrictJson.InvalidJsonException;

/**
 * Reads a protected header that is not one of ours byte for byte, the one piece of attacker-controlled JSON a format
 * parses before its integrity check, with the checks both formats share, in this order: at most
 * {@value #MAX_CHARS} characters encoded, strict JSON ({@link Rejection#BAD_HEADER}); no member the format forbids
 * ({@link Rejection#FORBIDDEN_HEADER}, checked before the shape so that a forbidden member is reported as such);
 * exactly the format's members, each a string ({@link Rejection#BAD_HEADER}). What the values must be ({@code typ},
 * {@code kid}, the algorithms) is the format's to check.
 */
final class ProtectedHeader {

    /** Longest encoded header parsed; ours are at most about 140 characters, so anything longer is not ours. */
    static final int MAX_CHARS = 512;

    private ProtectedHeader() {
    }

    /**
     * @param json         the strict parser
     * @param bytes        the decoded header
     * @param encodedChars the length of its base64url encoding
     * @param forbidden    members the format refuses outright
     * @param names        the members the format requires, and the only ones it allows
     * @return the members' values, in the order of {@code names}
     * @throws RejectedException {@link Rejection#BAD_HEADER} or {@link Rejection#FORBIDDEN_HEADER}
     */
    static String[] read(StrictJson json, byte[] bytes, int encodedChars, Set<String> forbidden, String... names)
            throws RejectedException {
        if (encodedChars > MAX_CHARS) {
            throw RejectedException.of(Rejection.BAD_HEADER);
        }
        Map<String, Object> header;
        try {
            // Nesting is allowed here only so that a forbidden "jwk" object is reported as forbidden, not as bad.
            header = json.parseObject(bytes, 4);
        } catch (InvalidJsonException e) {
            throw RejectedException.of(Rejection.BAD_HEADER);
        }
        for (String name : header.keySet()) {
            if (forbidden.contains(name)) {
                throw RejectedException.of(Rejection.FORBIDDEN_HEADER);
            }
        }
        if (header.size() != names.length) {
            throw RejectedException.of(Rejection.BAD_HEADER);
        }
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!(header.get(names[i]) instanceof String value)) {
                throw RejectedException.of(Rejection.BAD_HEADER);
            }
            values[i] = value;
        }
        return values;
    }
}
