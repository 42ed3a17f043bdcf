package dev.steadfast.tck.spi;

import static dev.steadfast.tck.spi.EncryptedCookies.AUD;
import static dev.steadfast.tck.spi.EncryptedCookies.T;
import static dev.steadfast.tck.spi.EncryptedCookies.flipped;
import static dev.steadfast.tck.spi.EncryptedCookies.rejection;
import static dev.steadfast.tck.spi.EncryptedCookies.session;
import static dev.steadfast.tck.spi.EncryptedCookies.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastSpiTest;
import dev.steadfast.tck.support.Jwe;
import dev.steadfast.tck.support.Jws;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Switching between the signed and the encrypted format logs nobody out (ENC-8): each format's codec accepts the
 * other's cookies that verify under a listed key, asks for them to be re-issued, and writes only its own. The
 * cookies of the other format are the kit's own, from the spec ({@link Jws}, {@link Jwe}).
 */
@SteadfastSpiTest
class FormatSwitchConformanceTest {

    private final EncryptedCookies c = new EncryptedCookies();

    private String signedCookie() {
        return Jws.sign("HmacSHA256", c.secret, Jws.header("HS256", "k1"),
                Jws.claims(AUD, "sid-signed", T, T + 1800, T - 60, 1800, "{\"user\":\"ada\"}"));
    }

    private String encryptedCookie() {
        return c.sealed(Jws.claims(AUD, "sid-encrypted", T, T + 1800, T - 60, 1800, "{\"user\":\"bob\"}"));
    }

    @Test
    @Clause("ENC-8")
    void jweCodec_acceptsASignedCookieOnceAndReissuesItEncrypted() {
        SessionCodec jwe = c.jwe();

        DecodeResult.Valid result = valid(jwe.decode(signedCookie()));
        String reissued = jwe.encode(result.session());

        assertThat(result.keyId()).isEqualTo("k1");
        assertThat(result.needsResign()).as("a signed cookie under the primary key is still re-issued").isTrue();
        assertThat(result.session().attributes()).containsEntry("user", "ada");
        assertThat(reissued.split("\\.", -1)).hasSize(5);
        DecodeResult.Valid again = valid(jwe.decode(reissued));
        assertThat(again.needsResign()).isFalse();
        assertThat(again.session().id()).isEqualTo("sid-signed");
    }

    @Test
    @Clause("ENC-8")
    void jwsCodec_acceptsAnEncryptedCookieOnceAndReissuesItSigned() {
        SessionCodec jws = EncryptedCookies.jws(KeyRing.of(c.k1));

        DecodeResult.Valid result = valid(jws.decode(encryptedCookie()));
        String reissued = jws.encode(result.session());

        assertThat(result.needsResign()).isTrue();
        assertThat(result.session().attributes()).containsEntry("user", "bob");
        assertThat(Jws.parse(reissued).headerJson()).containsEntry("typ", "steadfast-session+jwt");
        assertThat(valid(jws.decode(reissued)).needsResign()).isFalse();
    }

    @Test
    @Clause("ENC-8")
    void eachFormat_roundTripsThroughTheOtherAcrossASwitchAndBack() {
        KeyRing ring = KeyRing.of(c.k1);
        SessionCodec before = EncryptedCookies.jws(ring);
        SessionCodec after = EncryptedCookies.jwe(ring);

        String signed = before.encode(session(Map.of("count", 3)));
        String encrypted = after.encode(valid(after.decode(signed)).session());
        DecodeResult.Valid back = valid(before.decode(encrypted));

        assertThat(back.needsResign()).isTrue();
        assertThat(back.session().attributes()).containsEntry("count", 3);
    }

    @Test
    @Clause("ENC-8")
    void otherFormatsCookie_thatFailsItsOwnChecks_isRejectedForTheirReason() {
        SessionCodec jwe = c.jwe();
        SessionCodec jws = EncryptedCookies.jws(KeyRing.of(c.k1));
        String badMac = Jws.tamperPayload(signedCookie());
        String badTag = flipped(encryptedCookie(), 4, 3);
        String otherSecret = Jws.sign("HmacSHA256", c.otherSecret, Jws.header("HS256", "k1"),
                Jws.claims(AUD, "s", T, T + 60, T, 60, "{}"));
        String otherKey = Jwe.seal(Jwe.header("k1"), Jwe.derivedKey(c.otherSecret, AUD),
                Jws.claims(AUD, "s", T, T + 60, T, 60, "{}"));

        assertThat(rejection(jwe.decode(badMac))).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(rejection(jwe.decode(otherSecret))).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(rejection(jws.decode(badTag))).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(rejection(jws.decode(otherKey))).isEqualTo(Rejection.BAD_SIGNATURE);
        assertThat(rejection(jwe.decode(Jws.sign("HmacSHA256", c.secret, Jws.header("HS256", "k9"),
                Jws.claims(AUD, "s", T, T + 60, T, 60, "{}"))))).isEqualTo(Rejection.UNKNOWN_KEY);
        assertThat(rejection(jws.decode(Jwe.sealDirect(Jwe.header("dir", "A256GCM", "k1"), c.kek(),
                Jws.claims(AUD, "s", T, T + 60, T, 60, "{}"))))).isEqualTo(Rejection.ALGORITHM_MISMATCH);
    }

    @Test
    @Clause("ENC-8")
    void shapesOfNeitherFormat_areMalformedInBoth() {
        String signed = signedCookie();
        String encrypted = encryptedCookie();

        for (SessionCodec codec : new SessionCodec[] {c.jwe(), EncryptedCookies.jws(KeyRing.of(c.k1))}) {
            assertThat(rejection(codec.decode(signed + ".AAAA"))).isEqualTo(Rejection.MALFORMED);
            assertThat(rejection(codec.decode(encrypted + ".AAAA"))).isEqualTo(Rejection.MALFORMED);
            assertThat(rejection(codec.decode("a"))).isEqualTo(Rejection.MALFORMED);
            assertThat(rejection(codec.decode("a.b"))).isEqualTo(Rejection.MALFORMED);
        }
    }
}
