package dev.steadfast.impl.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.keys.KeyRing;

/**
 * Steadfast's session cookie: a JWS compact serialization (RFC 7515) of the {@link SessionClaims}, with an HMAC from
 * the key ring ({@link KeyRingMac}).
 *
 * <p>Header, exactly: {@code {"alg":"HS256","kid":"<key id>","typ":"steadfast-session+jwt"}}.
 *
 * <p>Decoding looks at no attacker-controlled JSON but the header (at most {@value #MAX_HEADER_CHARS} characters)
 * before the MAC verifies, and answers every input with a {@link DecodeResult}. The format-neutral reasons mean, for
 * this format, in the order they are checked (docs/spec.md CODEC-9):
 * <ul>
 * <li>{@link Rejection#OVERSIZED}: longer than the maximum size.
 * <li>{@link Rejection#MALFORMED}: not three segments, or a segment not canonical unpadded base64url.
 * <li>{@link Rejection#BAD_HEADER}: the header is longer than {@value #MAX_HEADER_CHARS} characters, not strict JSON,
 *     or not an object with exactly the string members {@code alg}, {@code kid} and {@code typ}.
 * <li>{@link Rejection#FORBIDDEN_HEADER}: the header has one of {@code crit}, {@code jku}, {@code jwk}, {@code x5u},
 *     {@code x5c}, {@code x5t}, {@code x5t#S256}, {@code zip}, {@code enc}, {@code b64} (checked before its shape).
 * <li>{@link Rejection#WRONG_TYPE}: {@code typ} is not {@code steadfast-session+jwt}.
 * <li>{@link Rejection#UNKNOWN_KEY}, {@link Rejection#RETIRED_KEY}: by {@code kid}, in {@link KeyRingMac}.
 * <li>{@link Rejection#ALGORITHM_MISMATCH}: {@code alg} is not, exactly and case-sensitively, the key's algorithm.
 * <li>{@link Rejection#BAD_SIGNATURE}: the HMAC of {@code header.payload} is not the third segment.
 * <li>The claims' reasons, from {@link SessionClaims#read}.
 * </ul>
 */
public final class JwsSessionCodec extends SealedCodec {

    /** Longest encoded header parsed; ours is about 90 characters, so anything longer is not ours. */
    static final int MAX_HEADER_CHARS = ProtectedHeader.MAX_CHARS;

    private static final Set<String> FORBIDDEN_HEADERS =
            Set.of("crit", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "zip", "enc", "b64");

    private final KeyRingMac ring;

    /**
     * @param keys    the ring: the primary signs, every key verifies
     * @param options audience, timeouts, size limit and clock
     * @throws IllegalStateException when the platform lacks a key's HMAC algorithm, or no JSON-P provider is found
     */
    public JwsSessionCodec(KeyRing keys, CodecOptions options) {
        this(keys, options, claims(options));
    }

    /** With a claims set shared with the other format ({@link MigratingCodec}). */
    JwsSessionCodec(KeyRing keys, CodecOptions options, SessionClaims claims) {
        super(options, claims);
        this.ring = new KeyRingMac(Objects.requireNonNull(keys, "keys"));
    }

    @Override
    public String encode(SessionData session) {
        byte[] payload = Base64Url.encode(claims.write(session, session.attributes()).toUtf8());
        byte[] header = ring.primary().encodedHeader();
        int signedLength = header.length + 1 + payload.length;
        // Checked before signing so an oversized session costs no MAC.
        int size = signedLength + 1 + ring.encodedTagLength();
        if (size > options.maxSize()) {
            throw new SessionTooLargeException(size, options.maxSize());
        }
        byte[] token = new byte[size];
        System.arraycopy(header, 0, token, 0, header.length);
        token[header.length] = '.';
        System.arraycopy(payload, 0, token, header.length + 1, payload.length);
        byte[] signature = Base64Url.encode(ring.sign(token, 0, signedLength));
        token[signedLength] = '.';
        System.arraycopy(signature, 0, token, signedLength + 1, signature.length);
        return new String(token, StandardCharsets.ISO_8859_1);
    }

    /** Length of the cookie whose claims take {@code payloadBytes} bytes of UTF-8. */
    @Override
    long cookieLength(long payloadBytes) {
        return ring.primary().encodedHeader().length + 1 + EnvelopeSizing.base64Length(payloadBytes) + 1
                + ring.encodedTagLength();
    }

    @Override
    DecodeResult decodeOrReject(String cookie) throws RejectedException {
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
        KeyMac ours = ring.byEncodedHeader(raw, dot1);
        byte[] headerBytes = ours != null ? null : Base64Url.decode(raw, 0, dot1);
        byte[] payloadBytes = Base64Url.decode(raw, dot1 + 1, dot2);
        byte[] signature = Base64Url.decode(raw, dot2 + 1, raw.length);
        if ((ours == null && headerBytes == null) || payloadBytes == null || signature == null) {
            throw RejectedException.of(Rejection.MALFORMED);
        }

        Instant now = options.clock().instant();
        KeyMac mac = ours != null ? ring.live(ours, now) : parseHeader(dot1, headerBytes, now);
        ring.verify(mac, raw, 0, dot2, signature);
        SessionData session = claims.read(payloadBytes, now.getEpochSecond());
        return new DecodeResult.Valid(session, mac.key().id(), ring.needsResign(mac));
    }

    /** The header names a live key and that key's algorithm; checked in the order of the class comment. */
    private KeyMac parseHeader(int headerChars, byte[] headerBytes, Instant now) throws RejectedException {
        String[] header = ProtectedHeader.read(claims.json(), headerBytes, headerChars, FORBIDDEN_HEADERS,
                "alg", "kid", "typ");
        if (!KeyMac.TYPE.equals(header[2])) {
            throw RejectedException.of(Rejection.WRONG_TYPE);
        }
        KeyMac mac = ring.select(header[1], now);
        // Exact and case-sensitive: covers "none", "None" and another HMAC size than the key is pinned to.
        if (!mac.key().algorithm().name().equals(header[0])) {
            throw RejectedException.of(Rejection.ALGORITHM_MISMATCH);
        }
        return mac;
    }

    /** @return the audience and key ids; never secrets */
    @Override
    public String toString() {
        return "JwsSessionCodec[" + options + ", " + ring + "]";
    }
}
