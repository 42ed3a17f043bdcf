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
 * Steadfast's encrypted session cookie: a JWE compact serialization (RFC 7516) of the same {@link SessionClaims} the
 * signed format ({@link JwsSessionCodec}) carries, encrypted and authenticated with {@code A256KW} and
 * {@code A256GCM} ({@link ContentEncryption}) under a key derived from the ring key and the audience
 * ({@link KeyDerivation}). The primary key encrypts; the key the {@code kid} names decrypts ({@link KeySelection}).
 *
 * <p>Header, exactly: {@code {"alg":"A256KW","enc":"A256GCM","kid":"<key id>","typ":"steadfast-session+jwe"}}. The
 * value is {@code header.wrappedKey.iv.ciphertext.tag}, each unpadded base64url; its length follows from the claims'
 * alone (GCM does not expand): header + 54 (40 bytes) + 16 (12) + ceil(4n / 3) + 22 (16) + 4 dots.
 *
 * <p>Decoding parses no attacker-controlled JSON but the header (at most {@value ProtectedHeader#MAX_CHARS}
 * characters) before the tag verifies, and answers every input with a {@link DecodeResult}. The format-neutral
 * reasons mean, for this format, in the order they are checked (docs/spec.md ENC-3, ENC-7):
 * <ul>
 * <li>{@link Rejection#OVERSIZED}: longer than the maximum size.
 * <li>{@link Rejection#MALFORMED}: not five segments, or a segment not canonical unpadded base64url; only the
 *     wrapped key's may be empty (as {@code dir} has it), so that such a header is refused for what it says.
 * <li>{@link Rejection#BAD_HEADER}, {@link Rejection#FORBIDDEN_HEADER}: as {@link ProtectedHeader} reads it, with the
 *     members {@code alg}, {@code enc}, {@code kid}, {@code typ}; forbidden are {@code crit}, {@code jku}, {@code jwk},
 *     {@code x5u}, {@code x5c}, {@code x5t}, {@code x5t#S256}, {@code zip}, {@code b64} and the key-management
 *     parameters of other algorithms: {@code epk}, {@code apu}, {@code apv}, {@code iv}, {@code tag}, {@code p2s},
 *     {@code p2c}.
 * <li>{@link Rejection#WRONG_TYPE}: {@code typ} is not {@code steadfast-session+jwe}.
 * <li>{@link Rejection#UNKNOWN_KEY}, {@link Rejection#RETIRED_KEY}: by {@code kid}, in {@link KeySelection}.
 * <li>{@link Rejection#ALGORITHM_MISMATCH}: {@code alg} is not exactly {@code A256KW} ({@code dir}, {@code A128KW},
 *     {@code none}...) or {@code enc} not exactly {@code A256GCM}.
 * <li>{@link Rejection#BAD_SIGNATURE}: the wrapped key, IV or tag is not of its length, the content key does not
 *     unwrap under the named key (changed, another key's, or another audience's), or the tag does not verify.
 * <li>The claims' reasons, from {@link SessionClaims#read}: the same as the signed format's.
 * </ul>
 */
public final class JweSessionCodec extends SealedCodec {

    private static final Set<String> FORBIDDEN_HEADERS = Set.of("crit", "jku", "jwk", "x5u", "x5c", "x5t",
            "x5t#S256", "zip", "b64", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c");
    private static final byte[] EMPTY = new byte[0];

    private final KeySelection<KeyWrap> ring;
    private final ContentEncryption aead;

    /**
     * @param keys    the ring: the primary encrypts, every key decrypts
     * @param options audience (bound into the derived keys), timeouts, size limit and clock
     * @throws IllegalStateException when the platform lacks AES key wrap or AES-GCM, or no JSON-P provider is found
     */
    public JweSessionCodec(KeyRing keys, CodecOptions options) {
        this(keys, options, claims(options));
    }

    /** With a claims set shared with the other format ({@link MigratingCodec}). */
    JweSessionCodec(KeyRing keys, CodecOptions options, SessionClaims claims) {
        super(options, claims);
        this.ring = new KeySelection<>(Objects.requireNonNull(keys, "keys"),
                key -> KeyWrap.of(key, options.audience()));
        this.aead = new ContentEncryption();
    }

    @Override
    public String encode(SessionData session) {
        byte[] plaintext = claims.write(session, session.attributes()).toUtf8();
        byte[] header = ring.primary().encodedHeader();
        // Checked before encrypting so an oversized session costs no cryptography.
        long size = cookieLength(plaintext.length);
        if (size > options.maxSize()) {
            throw new SessionTooLargeException((int) Math.min(size, Integer.MAX_VALUE), options.maxSize());
        }
        ContentEncryption.Sealed sealed = aead.seal(ring.primary(), header, plaintext);
        byte[] token = new byte[(int) size];
        int at = put(token, 0, header);
        at = put(token, at, Base64Url.encode(sealed.wrappedKey()));
        at = put(token, at, Base64Url.encode(sealed.iv()));
        at = put(token, at, Base64Url.encode(sealed.ciphertext()));
        put(token, at, Base64Url.encode(sealed.tag()));
        return new String(token, StandardCharsets.ISO_8859_1);
    }

    /** Copies a segment, and the dot after it unless it is the last; returns the position after them. */
    private static int put(byte[] token, int at, byte[] segment) {
        System.arraycopy(segment, 0, token, at, segment.length);
        int end = at + segment.length;
        if (end < token.length) {
            token[end++] = '.';
        }
        return end;
    }

    /** Length of the cookie whose claims take {@code plaintextBytes} bytes of UTF-8. */
    @Override
    long cookieLength(long plaintextBytes) {
        return ring.primary().encodedHeader().length
                + 1 + EnvelopeSizing.base64Length(ContentEncryption.WRAPPED_KEY_BYTES)
                + 1 + EnvelopeSizing.base64Length(ContentEncryption.IV_BYTES)
                + 1 + EnvelopeSizing.base64Length(plaintextBytes)
                + 1 + EnvelopeSizing.base64Length(ContentEncryption.TAG_BYTES);
    }

    @Override
    DecodeResult decodeOrReject(String cookie) throws RejectedException {
        if (cookie == null || cookie.length() > options.maxSize()) {
            throw RejectedException.of(Rejection.OVERSIZED);
        }
        int[] dots = new int[4];
        int from = 0;
        for (int i = 0; i < dots.length; i++) {
            dots[i] = cookie.indexOf('.', from);
            if (dots[i] < 0) {
                throw RejectedException.of(Rejection.MALFORMED);
            }
            from = dots[i] + 1;
        }
        if (cookie.indexOf('.', from) >= 0) {
            throw RejectedException.of(Rejection.MALFORMED);
        }
        // Characters beyond Latin-1 become '?', which is outside base64url and so rejected below.
        byte[] raw = cookie.getBytes(StandardCharsets.ISO_8859_1);
        KeyWrap ours = ring.byEncodedHeader(raw, dots[0]);
        byte[] headerBytes = ours != null ? null : Base64Url.decode(raw, 0, dots[0]);
        byte[] wrappedKey = dots[1] == dots[0] + 1 ? EMPTY : Base64Url.decode(raw, dots[0] + 1, dots[1]);
        byte[] iv = Base64Url.decode(raw, dots[1] + 1, dots[2]);
        byte[] ciphertext = Base64Url.decode(raw, dots[2] + 1, dots[3]);
        byte[] tag = Base64Url.decode(raw, dots[3] + 1, raw.length);
        if ((ours == null && headerBytes == null) || wrappedKey == null || iv == null || ciphertext == null
                || tag == null) {
            throw RejectedException.of(Rejection.MALFORMED);
        }

        Instant now = options.clock().instant();
        KeyWrap key = ours != null ? ring.live(ours, now) : parseHeader(dots[0], headerBytes, now);
        byte[] plaintext = aead.open(key, raw, dots[0], wrappedKey, iv, ciphertext, tag);
        SessionData session = claims.read(plaintext, now.getEpochSecond());
        return new DecodeResult.Valid(session, key.key().id(), ring.needsResign(key));
    }

    /** The header names a live key and the pinned algorithms; checked in the order of the class comment. */
    private KeyWrap parseHeader(int headerChars, byte[] headerBytes, Instant now) throws RejectedException {
        String[] header = ProtectedHeader.read(claims.json(), headerBytes, headerChars, FORBIDDEN_HEADERS,
                "alg", "enc", "kid", "typ");
        if (!KeyWrap.TYPE.equals(header[3])) {
            throw RejectedException.of(Rejection.WRONG_TYPE);
        }
        KeyWrap key = ring.select(header[2], now);
        // Exact and case-sensitive, and whatever the key's configured HMAC algorithm: this format has one pair.
        if (!KeyWrap.ALG.equals(header[0]) || !KeyWrap.ENC.equals(header[1])) {
            throw RejectedException.of(Rejection.ALGORITHM_MISMATCH);
        }
        return key;
    }

    /** @return the audience and key ids; never secrets or derived keys */
    @Override
    public String toString() {
        return "JweSessionCodec[" + options + ", " + ring + "]";
    }
}
