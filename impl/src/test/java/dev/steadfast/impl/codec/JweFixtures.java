package dev.steadfast.impl.codec;

import java.util.Base64;

import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.tck.support.Jwe;

/**
 * The encrypted format's side of {@link Fixtures}: codecs over the same keys and clock, and cookies sealed
 * independently of the codec by the kit's own JWE code ({@link Jwe}), under the key the spec derives (ENC-4).
 */
final class JweFixtures {

    private JweFixtures() {
    }

    static JweSessionCodec codec() {
        return new JweSessionCodec(KeyRing.of(Fixtures.K1, Fixtures.K2, Fixtures.K512), Fixtures.options().build());
    }

    static JweSessionCodec codec(KeyRing ring) {
        return new JweSessionCodec(ring, Fixtures.options().build());
    }

    /** @return a key's key-encryption key for {@link Fixtures#AUDIENCE}, derived by the kit */
    static byte[] kek(SigningKey key) {
        return Jwe.derivedKey(key.secret().toByteArray(), Fixtures.AUDIENCE);
    }

    /** @return Steadfast's header for a key id */
    static String header(String kid) {
        return Jwe.header(kid);
    }

    /** @return the claims sealed under {@code key}'s derived key, with the header text as given */
    static String seal(String headerJson, String claims, SigningKey key) {
        return Jwe.seal(headerJson, kek(key), claims);
    }

    /** @return a cookie in Steadfast's shape, sealed under k1, with {@code att} as given */
    static String sealed(String att) {
        return seal(header("k1"), Fixtures.payload(att), Fixtures.K1);
    }

    /** @return the token with bit {@code bit} of byte {@code index} of segment {@code segment} flipped */
    static String flipped(String token, int segment, int index, int bit) {
        String[] s = token.split("\\.", -1);
        byte[] bytes = Base64.getUrlDecoder().decode(s[segment]);
        bytes[index] ^= (byte) (1 << bit);
        s[segment] = Fixtures.b64(bytes);
        return String.join(".", s);
    }

    /** @return segment {@code index} of a token, decoded */
    static byte[] segment(String token, int index) {
        return Base64.getUrlDecoder().decode(token.split("\\.", -1)[index]);
    }
}
