package dev.steadfast.impl.codec;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;

import jakarta.json.spi.JsonProvider;

import java.util.Map;
import java.util.Objects;

/**
 * What Steadfast's formats share around their envelopes: the claims, exact sizing from the envelope's length
 * mapping, and decoding that answers every input with a {@link DecodeResult}, a typed rejection thrown anywhere inside
 * the format's checks included.
 */
abstract class SealedCodec implements SessionCodec, SessionSizing {

    final CodecOptions options;
    final SessionClaims claims;
    private final EnvelopeSizing sizing;

    /**
     * @param options audience, timeouts, size limit and clock
     * @param claims  the claims set, which formats that read each other's cookies share ({@link #claims})
     */
    SealedCodec(CodecOptions options, SessionClaims claims) {
        this.options = Objects.requireNonNull(options, "options");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.sizing = new EnvelopeSizing(claims, options.maxSize(), this::cookieLength);
    }

    /**
     * @param options the codec's options
     * @return the claims set for them; the JSON-P provider lookup scans the class path, so once per application,
     *         not per codec or cookie
     */
    static SessionClaims claims(CodecOptions options) {
        return new SessionClaims(Objects.requireNonNull(options, "options"), JsonProvider.provider());
    }

    /**
     * @param payloadBytes UTF-8 length of the claims
     * @return the length of the cookie that carries them
     */
    abstract long cookieLength(long payloadBytes);

    /**
     * @param cookie the value as received
     * @return the verified session
     * @throws RejectedException for every reason the value is no session
     */
    abstract DecodeResult decodeOrReject(String cookie) throws RejectedException;

    @Override
    public final DecodeResult decode(String cookieValue) {
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
    final DecodeResult decodeUnguarded(String cookieValue) {
        try {
            return decodeOrReject(cookieValue);
        } catch (RejectedException e) {
            return e.result();
        }
    }

    @Override
    public final void checkAttribute(String name, Object value) {
        sizing.checkAttribute(name, value);
    }

    /** Measures what {@code encode} would produce, without sealing; see {@link EnvelopeSizing}. */
    @Override
    public final SessionSize measure(SessionData session) {
        return sizing.measure(session);
    }

    /** From the values alone; see {@link EnvelopeSizing}. */
    @Override
    public final SessionSize bound(String id, Map<String, Object> attributes) {
        return sizing.bound(id, attributes);
    }
}
