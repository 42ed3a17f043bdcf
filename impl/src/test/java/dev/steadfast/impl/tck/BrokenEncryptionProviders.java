package dev.steadfast.impl.tck;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.tck.support.Jwe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Deliberately broken encrypted formats, each with one mistake JWE implementations have made, to prove that the
 * ENC clauses of the SPI-level kit catch it ({@link KitCatchesBrokenProvidersTest}). Each is Steadfast's own codec
 * with its cookies re-sealed on the way out or in (with the kit's JWE code, {@link Jwe}), so that everything but the
 * mistake behaves as the real provider does. With format {@code jws} they are the real provider. Never register
 * these in META-INF/services.
 */
final class BrokenEncryptionProviders {

    private BrokenEncryptionProviders() {
    }

    /** A codec whose encoding and decoding pass through a rewrite of the real codec's. */
    private static SessionCodec rewriting(SessionCodec real, UnaryOperator<String> out,
                                          Function<String, DecodeResult> in) {
        return new SessionCodec() {
            @Override
            public String encode(SessionData session) {
                return out.apply(real.encode(session));
            }

            @Override
            public DecodeResult decode(String cookieValue) {
                return in.apply(cookieValue);
            }
        };
    }

    private static boolean encrypted(CodecOptions options) {
        return CodecOptions.FORMAT_JWE.equals(options.format());
    }

    private static boolean fiveSegments(String value) {
        return value != null && value.split("\\.", -1).length == 5;
    }

    /** @return the ring key the value's header names, if it is JWE with a readable header */
    private static Optional<SigningKey> namedKey(String value, KeyRing keys) {
        try {
            return Optional.ofNullable((String) Jwe.parse(value).headerJson().get("kid")).flatMap(keys::find);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] kek(SigningKey key, String audience) {
        return Jwe.derivedKey(key.secret().toByteArray(), audience);
    }

    /** The value's header and plaintext sealed again under {@code kek}, with the given content key and IV. */
    private static String resealed(String value, byte[] plaintext, byte[] kek, byte[] contentKey, byte[] iv) {
        return Jwe.seal(Jwe.parse(value).header(), kek, contentKey, iv, plaintext);
    }

    private static byte[] open(String value, byte[] kek) throws GeneralSecurityException {
        return Jwe.open(value, kek).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Draws one content key and one IV per codec and seals every cookie with them, as an implementation that
     * initialises its cipher once would: under AES-GCM, two cookies under one key and nonce give away the XOR of
     * their plaintexts and the authentication key.
     */
    public static final class ReusesNonce extends BrokenProviders.Delegating {
        @Override
        public SessionCodec sessionCodec(KeyRing keys, CodecOptions options) {
            SessionCodec codec = real.sessionCodec(keys, options);
            if (!encrypted(options)) {
                return codec;
            }
            byte[] contentKey = Jwe.random(32);
            byte[] iv = Jwe.random(12);
            byte[] kek = kek(keys.primary(), options.audience());
            return rewriting(codec, cookie -> {
                try {
                    return resealed(cookie, open(cookie, kek), kek, contentKey, iv);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }, codec::decode);
        }
    }

    /**
     * Honours {@code "alg":"dir"}: decrypts with the named key's derived key as the content key, as a library that
     * takes the algorithm from the header would, though the format pins {@code A256KW}.
     */
    public static final class AcceptsDir extends BrokenProviders.Delegating {
        @Override
        public SessionCodec sessionCodec(KeyRing keys, CodecOptions options) {
            SessionCodec codec = real.sessionCodec(keys, options);
            return rewriting(codec, UnaryOperator.identity(), value -> {
                DecodeResult result = codec.decode(value);
                Optional<SigningKey> key = fiveSegments(value) ? namedKey(value, keys) : Optional.empty();
                if (!(result instanceof DecodeResult.Rejected r) || r.reason() != Rejection.ALGORITHM_MISMATCH
                        || key.isEmpty() || !"dir".equals(Jwe.parse(value).headerJson().get("alg"))) {
                    return result;
                }
                try {
                    byte[] kek = kek(key.get(), options.audience());
                    byte[] plaintext = Jwe.openDirect(value, kek).getBytes(StandardCharsets.UTF_8);
                    // Sealed again as the format wants it, so the real decoder reads the claims.
                    return codec.decode(Jwe.seal(Jwe.header(key.get().id()), kek, Jwe.random(32), Jwe.random(12),
                            plaintext));
                } catch (GeneralSecurityException e) {
                    return result;
                }
            });
        }
    }

    /**
     * Derives the key-encryption key from the secret alone, without the audience: two applications that share a
     * secret by mistake open each other's cookies, and only the {@code aud} claim, read after decryption, tells them
     * apart.
     */
    public static final class IgnoresAudience extends BrokenProviders.Delegating {
        @Override
        public SessionCodec sessionCodec(KeyRing keys, CodecOptions options) {
            SessionCodec codec = real.sessionCodec(keys, options);
            if (!encrypted(options)) {
                return codec;
            }
            return rewriting(codec, cookie -> {
                try {
                    byte[] plaintext = open(cookie, kek(keys.primary(), options.audience()));
                    return resealed(cookie, plaintext, kek(keys.primary(), ""), Jwe.random(32), Jwe.random(12));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }, value -> {
                DecodeResult result = codec.decode(value);
                Optional<SigningKey> key = fiveSegments(value) ? namedKey(value, keys) : Optional.empty();
                boolean integrity = result instanceof DecodeResult.Valid || (result instanceof DecodeResult.Rejected r
                        && r.reason() == Rejection.BAD_SIGNATURE);
                if (!integrity || key.isEmpty()) {
                    return result;
                }
                try {
                    // Its own key, without the audience, is the only one it knows.
                    byte[] plaintext = open(value, kek(key.get(), ""));
                    byte[] proper = kek(key.get(), options.audience());
                    return codec.decode(resealed(value, plaintext, proper, Jwe.random(32), Jwe.random(12)));
                } catch (GeneralSecurityException e) {
                    return new DecodeResult.Rejected(Rejection.BAD_SIGNATURE);
                }
            });
        }
    }
}
