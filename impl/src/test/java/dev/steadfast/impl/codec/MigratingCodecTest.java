package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.K1;
import static dev.steadfast.impl.codec.Fixtures.K2;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.DefaultSteadfastProvider;
import dev.steadfast.keys.KeyRing;

/**
 * Switching formats logs nobody out: the codec writes the configured format and reads both, asking for a cookie of
 * the other format to be re-issued; what the other format's codec rejects stays rejected, for its reason.
 */
class MigratingCodecTest {

    private final KeyRing ring = KeyRing.of(K1, K2);
    private final MigratingCodec jws = MigratingCodec.of(ring, Fixtures.options().build());
    private final MigratingCodec jwe = MigratingCodec.of(ring, Fixtures.options().format("jwe").build());
    private final SessionData session = session().attribute("cart", List.of(1, 2)).build();

    private static int segments(String cookie) {
        return cookie.split("\\.", -1).length;
    }

    @Test
    void writesTheConfiguredFormat() {
        assertThat(segments(jws.encode(session))).isEqualTo(3);
        assertThat(segments(jwe.encode(session))).isEqualTo(5);
        assertThat(jws.toString()).startsWith("MigratingCodec[writes jws");
        assertThat(jwe.toString()).startsWith("MigratingCodec[writes jwe");
    }

    @Test
    void theProviderHandsOutTheMigratingCodec() {
        assertThat(new DefaultSteadfastProvider().sessionCodec(ring, Fixtures.options().format("jwe").build()))
                .isInstanceOf(MigratingCodec.class)
                .satisfies(codec -> assertThat(segments(codec.encode(session))).isEqualTo(5));
    }

    @Test
    void jweConfigured_acceptsASignedCookieAndAsksForReissue() {
        DecodeResult result = jwe.decode(jws.encode(session));

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.keyId()).isEqualTo("k1");
            assertThat(valid.needsResign()).isTrue();
            assertThat(valid.session().attributes()).isEqualTo(session.attributes());
            assertThat(jwe.decode(jwe.encode(valid.session()))).isInstanceOfSatisfying(DecodeResult.Valid.class,
                    again -> assertThat(again.needsResign()).isFalse());
        });
    }

    @Test
    void jwsConfigured_acceptsAnEncryptedCookieAndAsksForReissue() {
        DecodeResult result = jws.decode(jwe.encode(session));

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.needsResign()).isTrue();
            assertThat(valid.session().attributes()).isEqualTo(session.attributes());
        });
        assertThat(jws.decode(jws.encode(session))).isInstanceOfSatisfying(DecodeResult.Valid.class,
                valid -> assertThat(valid.needsResign()).isFalse());
    }

    @Test
    void otherFormatsCookieWithABadMacOrTag_isRejected() {
        String signed = jws.encode(session);
        String encrypted = jwe.encode(session);

        assertThat(jwe.decode(FuzzSeeds.tamperSignature(signed)))
                .isEqualTo(new DecodeResult.Rejected(Rejection.BAD_SIGNATURE));
        assertThat(jws.decode(JweFixtures.flipped(encrypted, 4, 0, 0)))
                .isEqualTo(new DecodeResult.Rejected(Rejection.BAD_SIGNATURE));
        assertThat(jws.decode(JweFixtures.flipped(encrypted, 3, 0, 0)))
                .isEqualTo(new DecodeResult.Rejected(Rejection.BAD_SIGNATURE));
        // Under a ring that does not list the key, the other format's cookie is not a way in either.
        MigratingCodec k2Only = MigratingCodec.of(KeyRing.of(K2), Fixtures.options().build());
        assertThat(k2Only.decode(encrypted)).isEqualTo(new DecodeResult.Rejected(Rejection.UNKNOWN_KEY));
    }

    @Test
    void aResignAlreadyAskedForStaysAskedFor() {
        String byK2 = MigratingCodec.of(KeyRing.of(K2, K1), Fixtures.options().build()).encode(session);

        assertThat(jwe.decode(byK2)).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.keyId()).isEqualTo("k2");
            assertThat(valid.needsResign()).isTrue();
        });
    }

    @Test
    void shapesOfNeither_areMalformedAndOversizedStaysOversized() {
        for (MigratingCodec codec : List.of(jws, jwe)) {
            for (String shape : new String[] {"", "a", "a.b", "a.b.c.d", "a.b.c.d.e.f", "......"}) {
                assertThat(codec.decode(shape)).as(shape).isEqualTo(new DecodeResult.Rejected(Rejection.MALFORMED));
            }
            assertThat(codec.decode(null)).isEqualTo(new DecodeResult.Rejected(Rejection.OVERSIZED));
            assertThat(codec.decode("a.b.c." + "A".repeat(4000)))
                    .isEqualTo(new DecodeResult.Rejected(Rejection.OVERSIZED));
        }
    }

    @Test
    void sizesTheConfiguredFormat() {
        assertThat(SessionSizing.of(jwe)).isSameAs(jwe);
        SessionSize measured = jwe.measure(session);

        assertThat(measured.length()).isEqualTo(jwe.encode(session).length());
        assertThat(jws.measure(session).length()).isEqualTo(jws.encode(session).length());
        assertThat(jwe.bound(session.id(), session.attributes()).length()).isGreaterThanOrEqualTo(measured.length());
        assertThat(measured.with("x", "y").length())
                .isEqualTo(jwe.encode(session().attribute("cart", List.of(1, 2)).attribute("x", "y").build()).length());
    }
}
