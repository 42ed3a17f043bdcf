package dev.steadfast.impl.codec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.impl.codec.StrictJson.InvalidJsonException;
import dev.steadfast.impl.codec.StrictJson.NumberToken;

/**
 * Steadfast's session cookie: a JWS compact serialization (RFC 7515) with an HMAC from the key ring.
 *
 * <p>Header, exactly: {@code {"alg":"HS256","kid":"<key id>","typ":"steadfast-session+jwt"}}. Payload claims, in
 * this order: {@code aud}, {@code sid}, {@code iat} (last access), {@code exp}, {@code crt} (creation), {@code mii}
 * (idle limit in seconds, zero or less for none), {@code att} (attributes, see {@link TypedAttributes}). Times are
 * NumericDates: whole seconds since the epoch.
 *
 * <p>Decoding looks at no attacker-controlled JSON but the header (at most {@value #MAX_HEADER_CHARS} characters)
 * before the MAC verifies, and answers every input with a {@link DecodeResult}.
 */
public final class JwsSessionCodec implements SessionCodec {

    /** Longest encoded header parsed; ours is about 90 characters, so anything longer is not ours. */
    static final int MAX_HEADER_CHARS = 512;
    /** 9999-12-31T23:59:59Z, the largest NumericDate accepted; it also refuses milliseconds sent as seconds. */
    static final long MAX_NUMERIC_DATE = 253402300799L;

    /** The claims as {@link #encode} writes them, without their values. */
    private static final int CLAIM_NAMES = "{\"aud\":,\"sid\":,\"iat\":,\"exp\":,\"crt\":,\"mii\":,\"att\":{}}".length();

    private static final Set<String> FORBIDDEN_HEADERS =
            Set.of("crit", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "zip", "enc", "b64");

    private final KeyRing keys;
    private final CodecOptions options;
    private final KeyMac primary;
    private final List<KeyMac> macs;
    private final StrictJson json;
    private final JsonGeneratorFactory generators;

    /**
     * @param keys    the ring: the primary signs, every key verifies
     * @param options audience, timeouts, size limit and clock
     * @throws IllegalStateException when the platform lacks a key's HMAC algorithm, or no JSON-P provider is found
     */
    public JwsSessionCodec(KeyRing keys, CodecOptions options) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.options = Objects.requireNonNull(options, "options");
        this.macs = keys.keys().stream().map(KeyMac::of).toList();
        this.primary = macs.get(0);
        // Provider lookup scans the class path; once per codec, not per cookie.
        JsonProvider provider = JsonProvider.provider();
        this.json = new StrictJson(provider.createParserFactory(Map.of()));
        this.generators = provider.createGeneratorFactory(Map.of());
    }

    /**
     * Checks, when an attribute is set, that the cookie can hold it, so that the error points at the code that set
     * it rather than at the end of the request.
     *
     * @param name  the attribute name
     * @param value the value
     * @throws UnstorableValueException naming the attribute path and the unsupported type, never the value
     */
    public static void validateAttribute(String name, Object value) {
        TypedAttributes.validate(Objects.requireNonNull(name, "name"), value);
    }

    @Override
    public String encode(SessionData session) {
        byte[] payload = Base64Url.encode(claims(session, session.attributes()).toUtf8());
        byte[] header = primary.encodedHeader();
        int signedLength = header.length + 1 + payload.length;
        // Checked before signing so an oversized session costs no MAC.
        int size = signedLength + 1 + signatureLength();
        if (size > options.maxSize()) {
            throw new SessionTooLargeException(size, options.maxSize());
        }
        byte[] token = new byte[size];
        System.arraycopy(header, 0, token, 0, header.length);
        token[header.length] = '.';
        System.arraycopy(payload, 0, token, header.length + 1, payload.length);
        byte[] signature = Base64Url.encode(primary.sign(token, 0, signedLength));
        token[signedLength] = '.';
        System.arraycopy(signature, 0, token, signedLength + 1, signature.length);
        return new String(token, StandardCharsets.ISO_8859_1);
    }

    /**
     * Measures what {@link #encode(SessionData)} would produce, without signing, member by member, so that later
     * attribute changes can be measured by themselves ({@link SessionSize#with(String, Object)}).
     *
     * @param session the session
     * @return its exact cookie length, updatable per attribute
     * @throws IllegalArgumentException as {@link #encode(SessionData)} does
     */
    public SessionSize measure(SessionData session) {
        int fixed = claims(session, Map.of()).utf8Length();
        Map<String, Long> members = new HashMap<>();
        for (Map.Entry<String, Object> attribute : session.attributes().entrySet()) {
            members.put(attribute.getKey(), memberLength(attribute.getKey(), attribute.getValue()));
        }
        return new SessionSize(this, true, fixed, members);
    }

    /**
     * An upper bound of what {@link #encode(SessionData)} would produce, from the values alone: no JSON is written,
     * so it costs a walk over the attributes. A session that fits it fits the limit.
     *
     * @param id         the session id
     * @param attributes the attributes
     * @return an upper bound of the cookie length, updatable per attribute
     */
    public SessionSize bound(String id, Map<String, Object> attributes) {
        // Dates take at most 12 digits (MAX_NUMERIC_DATE), mii at most 11 characters (an int).
        long fixed = CLAIM_NAMES + TypedAttributes.maxTextLength(options.audience())
                + TypedAttributes.maxTextLength(id) + 3 * 12 + 11;
        Map<String, Long> members = new HashMap<>();
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            members.put(attribute.getKey(), TypedAttributes.maxMemberLength(attribute.getKey(), attribute.getValue()));
        }
        return new SessionSize(this, false, fixed, members);
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

    /** Length of the cookie whose claims take {@code payloadBytes} bytes of UTF-8. */
    long cookieLength(long payloadBytes) {
        // Unpadded base64url of n bytes takes ceil(4n / 3) characters.
        return primary.encodedHeader().length + 1 + (payloadBytes * 4 + 2) / 3 + 1 + signatureLength();
    }

    int maxSize() {
        return options.maxSize();
    }

    private int signatureLength() {
        // 86 characters hold an HS512 tag.
        return (primary.key().algorithm().macBits() / 8 * 4 + 2) / 3;
    }

    private Utf8Writer claims(SessionData session, Map<String, Object> attributes) {
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

    @Override
    public DecodeResult decode(String cookieValue) {
        try {
            return decodeUnguarded(cookieValue);
        } catch (RuntimeException e) {
            // Not expected for any input; a cookie we cannot judge is still no session.
            return RejectedException.of(Rejection.MALFORMED).result();
        }
    }

    /**
     * {@link #decode(String)} without its last-resort catch, so that fuzz tests see an exception that a typed
     * rejection should have answered instead of it being hidden as {@link Rejection#MALFORMED}.
     */
    DecodeResult decodeUnguarded(String cookieValue) {
        try {
            return decodeOrReject(cookieValue);
        } catch (RejectedException e) {
            return e.result();
        }
    }

    private DecodeResult decodeOrReject(String cookie) throws RejectedException {
        if (cookie == null || cookie.length() > options.maxSize()) {
            throw RejectedException.of(Rejection.OVERSIZED);
        }
        // String.indexOf is an intrinsic; character positions are byte positions in the Latin-1 bytes below.
        int dot1 = cookie.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : cookie.indexOf('.', dot1 + 1);
        if (dot2 < 0 || cookie.indexOf('.', dot2 + 1) >= 0) {
            throw RejectedException.of(Rejection.MALFORMED);
        }
        // Characters beyond Latin-1 become '?', which is outside base64url and so rejected below.
        byte[] raw = cookie.getBytes(StandardCharsets.ISO_8859_1);
        // The header is decoded only when it is not one of ours byte for byte (ours are canonical base64url).
        KeyMac ours = ownHeader(raw, dot1);
        byte[] headerBytes = ours != null ? null : Base64Url.decode(raw, 0, dot1);
        byte[] payloadBytes = Base64Url.decode(raw, dot1 + 1, dot2);
        byte[] signature = Base64Url.decode(raw, dot2 + 1, raw.length);
        if ((ours == null && headerBytes == null) || payloadBytes == null || signature == null) {
            throw RejectedException.of(Rejection.MALFORMED);
        }

        Instant instant = options.clock().instant();
        long now = instant.getEpochSecond();
        KeyMac mac = verifiedHeader(ours, dot1, headerBytes, instant);
        if (!mac.verify(raw, 0, dot2, signature)) {
            throw RejectedException.of(Rejection.BAD_SIGNATURE);
        }

        Map<String, Object> claims;
        try {
            claims = json.parseObject(payloadBytes, TypedAttributes.MAX_DEPTH);
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
        SessionData session = SessionData.builder()
                .id(sid)
                .creationTime(Instant.ofEpochSecond(crt))
                .lastAccessedTime(Instant.ofEpochSecond(iat))
                .maxInactiveInterval(Duration.ofSeconds(mii))
                .attributes(attributes)
                .build();
        String kid = mac.key().id();
        return new DecodeResult.Valid(session, kid, mac != primary);
    }

    /** @return the key whose precomputed header {@code raw[0, headerEnd)} is, byte for byte, or null */
    private KeyMac ownHeader(byte[] raw, int headerEnd) {
        // Fast path: every cookie we issue carries one of these headers byte for byte.
        for (KeyMac candidate : macs) {
            if (candidate.isEncodedHeader(raw, 0, headerEnd)) {
                return candidate;
            }
        }
        return null;
    }

    /** Step 3 of decoding: the header names a live key and that key's algorithm. */
    private KeyMac verifiedHeader(KeyMac ours, int headerEnd, byte[] headerBytes, Instant now)
            throws RejectedException {
        if (ours != null) {
            if (ours.key().isRetiredAt(now)) {
                throw RejectedException.of(Rejection.RETIRED_KEY);
            }
            return ours;
        }
        return parseHeader(headerEnd, headerBytes, now);
    }

    private KeyMac parseHeader(int headerChars, byte[] headerBytes, Instant now) throws RejectedException {
        if (headerChars > MAX_HEADER_CHARS) {
            throw RejectedException.of(Rejection.BAD_HEADER);
        }
        Map<String, Object> header;
        try {
            // Nesting is allowed here only so that a forbidden "jwk" object is reported as forbidden, not as bad.
            header = json.parseObject(headerBytes, 4);
        } catch (InvalidJsonException e) {
            throw RejectedException.of(Rejection.BAD_HEADER);
        }
        for (String name : header.keySet()) {
            if (FORBIDDEN_HEADERS.contains(name)) {
                throw RejectedException.of(Rejection.FORBIDDEN_HEADER);
            }
        }
        Object alg = header.get("alg");
        Object kid = header.get("kid");
        Object typ = header.get("typ");
        if (header.size() != 3 || !(alg instanceof String) || !(kid instanceof String) || !(typ instanceof String)) {
            throw RejectedException.of(Rejection.BAD_HEADER);
        }
        if (!KeyMac.TYPE.equals(typ)) {
            throw RejectedException.of(Rejection.WRONG_TYPE);
        }
        Optional<SigningKey> key = keys.find((String) kid);
        if (key.isEmpty()) {
            throw RejectedException.of(Rejection.UNKNOWN_KEY);
        }
        KeyMac mac = macs.get(keys.keys().indexOf(key.get()));
        if (mac.key().isRetiredAt(now)) {
            throw RejectedException.of(Rejection.RETIRED_KEY);
        }
        // Exact and case-sensitive: covers "none", "None" and another HMAC size than the key is pinned to.
        if (!mac.key().algorithm().name().equals(alg)) {
            throw RejectedException.of(Rejection.ALGORITHM_MISMATCH);
        }
        return mac;
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

    /** @return the audience and key ids; never secrets */
    @Override
    public String toString() {
        return "JwsSessionCodec[" + options + ", " + keys + "]";
    }
}
