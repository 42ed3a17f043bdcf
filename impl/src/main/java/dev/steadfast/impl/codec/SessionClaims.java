package dev.steadfast.impl.codec;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.codec.StrictJson.InvalidJsonException;
import dev.steadfast.impl.codec.StrictJson.NumberToken;

/**
 * The session as a claims set, whatever protects it: what a signed format signs and an encrypting one encrypts.
 * Claims, in this order: {@code aud}, {@code sid}, {@code iat} (last access), {@code exp}, {@code crt} (creation),
 * {@code mii} (idle limit in seconds, zero or less for none), {@code att} (attributes, see {@link TypedAttributes}).
 * Times are NumericDates: whole seconds since the epoch.
 *
 * <p>Reading is only ever done on content whose integrity the format has checked; it is still strict, and answers
 * every input with a session or a {@link RejectedException}.
 */
final class SessionClaims {

    /** 9999-12-31T23:59:59Z, the largest NumericDate accepted; it also refuses milliseconds sent as seconds. */
    static final long MAX_NUMERIC_DATE = 253402300799L;

    /** The claims as {@link #write} writes them, without their values. */
    private static final int CLAIM_NAMES = "{\"aud\":,\"sid\":,\"iat\":,\"exp\":,\"crt\":,\"mii\":,\"att\":{}}".length();

    private final CodecOptions options;
    private final StrictJson json;
    private final JsonGeneratorFactory generators;

    /**
     * @param options  audience, timeouts and clock
     * @param provider the JSON-P provider; looking it up scans the class path, so it is done once per codec
     */
    SessionClaims(CodecOptions options, JsonProvider provider) {
        this.options = options;
        this.json = new StrictJson(provider.createParserFactory(Map.of()));
        this.generators = provider.createGeneratorFactory(Map.of());
    }

    /** @return the strict parser, shared with the format's header parsing */
    StrictJson json() {
        return json;
    }

    /**
     * @param attributes the attributes to write: the session's, or none to measure the rest
     * @return the claims as JSON
     * @throws IllegalArgumentException when a time is out of range or an attribute cannot be stored
     */
    Utf8Writer write(SessionData session, Map<String, Object> attributes) {
        long iat = numericDate(session.lastAccessedTime(), "last accessed time");
        long crt = numericDate(session.creationTime(), "creation time");
        if (crt > iat) {
            throw new IllegalArgumentException("Session last accessed time " + session.lastAccessedTime()
                    + " is before its creation time " + session.creationTime());
        }
        long mii = session.maxInactiveInterval().getSeconds();
        if (mii > Integer.MAX_VALUE || mii < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("Session max inactive interval " + session.maxInactiveInterval()
                    + " exceeds the servlet range of int seconds");
        }
        long exp = Math.min(crt + seconds(options.absoluteTimeout()), MAX_NUMERIC_DATE);
        if (mii > 0) {
            exp = Math.min(exp, iat + mii);
        }

        Utf8Writer out = new Utf8Writer(256 + attributes.size() * 32);
        // Closed only when complete: closing a generator left inside an object throws "Generating incomplete JSON",
        // which buried an unsupported attribute's message under a suppressed exception. It writes to memory only.
        JsonGenerator g = generators.createGenerator(out);
        g.writeStartObject();
        g.write("aud", options.audience());
        g.write("sid", session.id());
        g.write("iat", iat);
        g.write("exp", exp);
        g.write("crt", crt);
        g.write("mii", (int) mii);
        g.writeStartObject("att");
        TypedAttributes.writeAll(g, attributes);
        g.writeEnd();
        g.writeEnd();
        g.close();
        return out;
    }

    /** UTF-8 length of {@code "name":value} as a member of {@code att}, without the comma that may precede it. */
    long memberLength(String name, Object value) {
        Utf8Writer out = new Utf8Writer(64);
        try (JsonGenerator g = generators.createGenerator(out)) {
            g.writeStartObject();
            TypedAttributes.write(g, name, value);
            g.writeEnd();
        }
        return out.utf8Length() - 2;
    }

    /** An upper bound of the UTF-8 length of the claims without attributes, for a session of this id. */
    long maxLengthWithoutAttributes(String id) {
        // Dates take at most 12 digits (MAX_NUMERIC_DATE), mii at most 11 characters (an int).
        return CLAIM_NAMES + TypedAttributes.maxTextLength(options.audience()) + TypedAttributes.maxTextLength(id)
                + 3 * 12 + 11;
    }

    /**
     * Reads the claims and checks them against the options: audience, then times.
     *
     * @param payload the claims' UTF-8, whose integrity the format has checked
     * @param now     the time of the check, in epoch seconds
     * @return the session
     * @throws RejectedException {@link Rejection#BAD_CLAIMS}, {@link Rejection#WRONG_AUDIENCE},
     *                           {@link Rejection#NOT_YET_VALID}, {@link Rejection#EXPIRED} or
     *                           {@link Rejection#ABSOLUTE_TIMEOUT}
     */
    SessionData read(byte[] payload, long now) throws RejectedException {
        Map<String, Object> claims;
        try {
            claims = json.parseObject(payload, TypedAttributes.MAX_DEPTH);
        } catch (InvalidJsonException e) {
            throw RejectedException.of(Rejection.BAD_CLAIMS);
        }
        // Unknown claims are ignored, not rejected: a later version of the format may add claims, and cookies it
        // issues during a rolling upgrade must still be readable here. They were parsed strictly all the same.
        String aud = stringClaim(claims, "aud");
        String sid = stringClaim(claims, "sid");
        long iat = numericDateClaim(claims, "iat");
        long exp = numericDateClaim(claims, "exp");
        long crt = numericDateClaim(claims, "crt");
        long mii = integerClaim(claims, "mii");
        Object att = claims.get("att");
        if (sid.isEmpty() || crt > iat || !(att instanceof Map)) {
            throw RejectedException.of(Rejection.BAD_CLAIMS);
        }
        if (!aud.equals(options.audience())) {
            throw RejectedException.of(Rejection.WRONG_AUDIENCE);
        }
        long leeway = seconds(options.clockLeeway());
        if (iat > now + leeway) {
            throw RejectedException.of(Rejection.NOT_YET_VALID);
        }
        if (exp + leeway <= now || (mii > 0 && iat + mii + leeway <= now)) {
            throw RejectedException.of(Rejection.EXPIRED);
        }
        // Against the timeout configured now, not the exp written then: shortening it applies to live cookies.
        if (crt + seconds(options.absoluteTimeout()) + leeway <= now) {
            throw RejectedException.of(Rejection.ABSOLUTE_TIMEOUT);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) att;
        TypedAttributes.decodeInPlace(attributes);
        return SessionData.builder()
                .id(sid)
                .creationTime(Instant.ofEpochSecond(crt))
                .lastAccessedTime(Instant.ofEpochSecond(iat))
                .maxInactiveInterval(Duration.ofSeconds(mii))
                .attributes(attributes)
                .build();
    }

    private static long numericDate(Instant instant, String what) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > MAX_NUMERIC_DATE) {
            throw new IllegalArgumentException("Session " + what + " " + instant + " is outside 1970..9999");
        }
        return seconds;
    }

    private static long seconds(Duration duration) {
        // Saturates: a timeout of centuries only needs to reach MAX_NUMERIC_DATE.
        return Math.min(duration.getSeconds(), MAX_NUMERIC_DATE);
    }

    private static String stringClaim(Map<String, Object> claims, String name) throws RejectedException {
        Object value = claims.get(name);
        if (value instanceof String) {
            return (String) value;
        }
        throw RejectedException.of(Rejection.BAD_CLAIMS);
    }

    private static long numericDateClaim(Map<String, Object> claims, String name) throws RejectedException {
        long value = integerClaim(claims, name);
        if (value < 0 || value > MAX_NUMERIC_DATE) {
            throw RejectedException.of(Rejection.BAD_CLAIMS);
        }
        return value;
    }

    /** A JSON integer without fraction or exponent, within int range for mii and 12 digits for dates. */
    private static long integerClaim(Map<String, Object> claims, String name) throws RejectedException {
        Object value = claims.get(name);
        if (value instanceof NumberToken && ((NumberToken) value).isPlainInteger()) {
            String lexeme = ((NumberToken) value).lexeme();
            if (lexeme.length() <= 13) {
                try {
                    long parsed = Long.parseLong(lexeme);
                    if (!name.equals("mii") || (parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE)) {
                        return parsed;
                    }
                } catch (NumberFormatException e) {
                    // fall through: not a number this format writes
                }
            }
        }
        throw RejectedException.of(Rejection.BAD_CLAIMS);
    }
}
