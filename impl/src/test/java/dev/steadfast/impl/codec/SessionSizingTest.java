package dev.steadfast.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.keys.KeyRing;

/**
 * {@link SessionSizing#of} is the one place that decides how a codec's sessions are sized: Steadfast's codec sizes
 * its own; any other codec is measured by encoding, on every change, and its attributes are checked by the type table.
 */
class SessionSizingTest {

    private final JwsSessionCodec jws = Fixtures.codec(KeyRing.of(Fixtures.K1), Fixtures.options().build());

    @Test
    void steadfastsCodecSizesItsOwnSessions() {
        assertThat(SessionSizing.of(jws)).isSameAs(jws);
    }

    @Test
    void anotherCodecIsMeasuredByEncodingOnEveryChange() {
        AtomicInteger encodes = new AtomicInteger();
        SessionCodec other = new SessionCodec() {
            @Override
            public String encode(SessionData session) {
                encodes.incrementAndGet();
                return jws.encode(session);
            }

            @Override
            public DecodeResult decode(String cookieValue) {
                return jws.decode(cookieValue);
            }
        };
        SessionSizing sizing = SessionSizing.of(other);
        SessionData session = Fixtures.session().build();

        SessionSize bound = sizing.bound(session.id(), session.attributes());
        assertThat(bound.isExact()).isFalse();
        assertThat(bound.fits()).isFalse();
        assertThat(bound.with("x", 1)).isSameAs(bound);
        assertThatThrownBy(bound::checkLimit).isInstanceOf(IllegalStateException.class);
        assertThat(encodes).hasValue(0);

        SessionSize measured = sizing.measure(session);
        assertThat(encodes).hasValue(1);
        assertThat(measured.isExact()).isTrue();
        assertThat(measured.fits()).isTrue();
        assertThat(measured.length()).isEqualTo(jws.encode(session).length());
        measured.checkLimit();
        SessionSize changed = measured.with("x", 1);
        assertThat(changed.isExact()).isFalse();
        assertThat(changed.fits()).isFalse();
    }

    @Test
    void anotherCodecsRefusalsComeFromItsEncode() {
        SessionCodec small = Fixtures.codec(KeyRing.of(Fixtures.K1), Fixtures.options().maxSize(256).build());
        SessionCodec other = new SessionCodec() {
            @Override
            public String encode(SessionData session) {
                return small.encode(session);
            }

            @Override
            public DecodeResult decode(String cookieValue) {
                return small.decode(cookieValue);
            }
        };
        SessionSizing sizing = SessionSizing.of(other);

        assertThatThrownBy(() -> sizing.measure(Fixtures.session().attribute("big", "x".repeat(300)).build()))
                .isInstanceOf(SessionTooLargeException.class);
        assertThatThrownBy(() -> sizing.checkAttribute("when", new Date(0)))
                .isInstanceOf(UnstorableValueException.class).hasMessageContaining("'when'");
        assertThatThrownBy(() -> jws.checkAttribute("when", new Date(0)))
                .isInstanceOf(UnstorableValueException.class).hasMessageContaining("'when'");
    }
}
