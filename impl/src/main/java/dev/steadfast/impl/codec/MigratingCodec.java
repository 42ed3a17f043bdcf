package dev.steadfast.impl.codec;

import java.util.Map;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.keys.KeyRing;

/**
 * The codec Steadfast's provider hands out: it writes the format the options name ({@link CodecOptions#format()})
 * and reads both, so that switching between the signed and the encrypted format logs nobody out. A cookie of the
 * other format that its own codec accepts under a listed key is valid and reported for re-issue
 * ({@code needsResign}), so the runtime writes it back in the configured format on the same response; one that its
 * codec rejects is rejected for that codec's reason.
 *
 * <p>Which codec reads a value is decided by its shape alone, before any cryptography: three segments are JWS, five
 * are JWE, anything else goes to the configured format, which calls it {@code MALFORMED} (and an oversized or null
 * value {@code OVERSIZED}), as it would without this class.
 *
 * <p>Sizing is the configured format's: the cookies it writes are the ones that must fit.
 */
public final class MigratingCodec implements SessionCodec, SessionSizing {

    private final JwsSessionCodec jws;
    private final JweSessionCodec jwe;
    private final SealedCodec writer;
    private final int maxSize;

    private MigratingCodec(JwsSessionCodec jws, JweSessionCodec jwe, boolean writesJwe, int maxSize) {
        this.jws = jws;
        this.jwe = jwe;
        this.writer = writesJwe ? jwe : jws;
        this.maxSize = maxSize;
    }

    /**
     * @param keys    the ring, shared by both formats
     * @param options the settings, shared by both formats; {@link CodecOptions#format()} says which one writes
     * @return the codec
     * @throws IllegalStateException when the platform lacks an algorithm of either format
     */
    public static MigratingCodec of(KeyRing keys, CodecOptions options) {
        // One claims set for both: same options, and one JSON-P provider lookup (a class-path scan) at start-up.
        SessionClaims claims = SealedCodec.claims(options);
        return new MigratingCodec(new JwsSessionCodec(keys, options, claims),
                new JweSessionCodec(keys, options, claims), CodecOptions.FORMAT_JWE.equals(options.format()),
                options.maxSize());
    }

    @Override
    public String encode(SessionData session) {
        return writer.encode(session);
    }

    @Override
    public DecodeResult decode(String cookieValue) {
        SessionCodec reader = reader(cookieValue);
        DecodeResult result = reader.decode(cookieValue);
        if (reader != writer && result instanceof DecodeResult.Valid valid && !valid.needsResign()) {
            return new DecodeResult.Valid(valid.session(), valid.keyId(), true);
        }
        return result;
    }

    /** The codec of the value's shape, counting dots only, and never past the size limit or the fifth segment. */
    private SessionCodec reader(String value) {
        if (value == null || value.length() > maxSize) {
            return writer;
        }
        int dots = 0;
        for (int at = value.indexOf('.'); at >= 0 && dots <= 4; at = value.indexOf('.', at + 1)) {
            dots++;
        }
        return dots == 2 ? jws : dots == 4 ? jwe : writer;
    }

    @Override
    public void checkAttribute(String name, Object value) {
        writer.checkAttribute(name, value);
    }

    @Override
    public SessionSize bound(String id, Map<String, Object> attributes) {
        return writer.bound(id, attributes);
    }

    @Override
    public SessionSize measure(SessionData session) {
        return writer.measure(session);
    }

    /** @return the format written, the audience and key ids; never secrets */
    @Override
    public String toString() {
        return "MigratingCodec[writes " + (writer == jwe ? CodecOptions.FORMAT_JWE : CodecOptions.FORMAT_JWS)
                + ", reads jws and jwe; " + writer + "]";
    }
}
