package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.NOW;
import static dev.steadfast.impl.codec.Fixtures.codec;
import static dev.steadfast.impl.codec.Fixtures.fromB64;
import static dev.steadfast.impl.codec.Fixtures.options;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.keys.KeyRing;

/** The wire format, round trips and key rotation. */
class JwsSessionCodecTest {

    private static final long NOW_S = NOW.getEpochSecond();

    @Test
    void encode_writesExactHeaderAndClaimsInOrder() {
        String cookie = codec().encode(session().build());

        String[] parts = cookie.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(fromB64(parts[0])).isEqualTo("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwt\"}");
        assertThat(fromB64(parts[1])).isEqualTo("{\"aud\":\"/shop\",\"sid\":\"sid-0123456789\",\"iat\":" + (NOW_S - 60)
                + ",\"exp\":" + (NOW_S - 60 + 1800) + ",\"crt\":" + (NOW_S - 600)
                + ",\"mii\":1800,\"att\":{\"user\":\"alice\"}}");
        assertThat(parts[2]).hasSize(43);
        assertThat(cookie).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void encode_isDeterministic() {
        SessionData session = session().attribute("n", 1.5).attribute("l", java.util.List.of(1, "a")).build();
        assertThat(codec().encode(session)).isEqualTo(codec().encode(session));
    }

    @Test
    void encode_expiryIsTheEarlierOfIdleAndAbsolute() {
        // Created 11h50m ago, absolute timeout 12h: absolute expiry (in 10 min) comes before idle expiry (in 29 min).
        SessionData old = session().creationTime(NOW.minus(Duration.ofMinutes(710))).build();
        assertThat(fromB64(codec().encode(old).split("\\.")[1]))
                .contains("\"exp\":" + (NOW_S - 710 * 60 + 12 * 3600) + ",");

        SessionData noIdle = session().maxInactiveInterval(Duration.ZERO).build();
        assertThat(fromB64(codec().encode(noIdle).split("\\.")[1]))
                .contains("\"exp\":" + (NOW_S - 600 + 12 * 3600) + ",")
                .contains("\"mii\":0,");
    }

    @Test
    void encode_refusesLastAccessBeforeCreation() {
        SessionData bad = session().lastAccessedTime(NOW.minusSeconds(3600)).build();
        assertThatThrownBy(() -> codec().encode(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before its creation time");
    }

    @Test
    void encode_throwsSessionTooLarge() {
        CodecOptions small = options().maxSize(CodecOptions.MIN_MAX_SIZE).build();
        SessionData big = session().attribute("blob", "x".repeat(300)).build();
        assertThatThrownBy(() -> Fixtures.codec(KeyRing.of(Fixtures.K1), small).encode(big))
                .isInstanceOfSatisfying(SessionTooLargeException.class, e -> {
                    assertThat(e.limit()).isEqualTo(256);
                    assertThat(e.size()).isGreaterThan(256);
                    assertThat(e.getMessage()).doesNotContain("xxxx");
                });
    }

    @Test
    void encode_sizeOfResultEqualsReportedSize() {
        SessionData session = session().attribute("blob", "y".repeat(200)).build();
        String cookie = codec().encode(session);
        CodecOptions exact = options().maxSize(cookie.length()).build();
        assertThat(Fixtures.codec(KeyRing.of(Fixtures.K1), exact).encode(session)).isEqualTo(cookie);
        CodecOptions oneLess = options().maxSize(cookie.length() - 1).build();
        assertThatThrownBy(() -> Fixtures.codec(KeyRing.of(Fixtures.K1), oneLess).encode(session))
                .isInstanceOfSatisfying(SessionTooLargeException.class,
                        e -> assertThat(e.size()).isEqualTo(cookie.length()));
    }

    @Test
    void decode_roundTripsSession() {
        SessionData session = session().attribute("count", 3).build();
        DecodeResult result = codec().decode(codec().encode(session));

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.keyId()).isEqualTo("k1");
            assertThat(valid.needsResign()).isFalse();
            SessionData decoded = valid.session();
            assertThat(decoded.id()).isEqualTo(session.id());
            assertThat(decoded.creationTime()).isEqualTo(session.creationTime());
            assertThat(decoded.lastAccessedTime()).isEqualTo(session.lastAccessedTime());
            assertThat(decoded.maxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
            assertThat(decoded.attributes()).containsExactly(
                    java.util.Map.entry("user", "alice"), java.util.Map.entry("count", 3));
        });
    }

    @Test
    void decode_truncatesSubSecondTimes() {
        SessionData session = session().creationTime(NOW.minusMillis(600_500)).lastAccessedTime(NOW.minusMillis(60_250))
                .build();
        DecodeResult.Valid valid = (DecodeResult.Valid) codec().decode(codec().encode(session));
        assertThat(valid.session().creationTime()).isEqualTo(Instant.ofEpochSecond(NOW_S - 601));
        assertThat(valid.session().lastAccessedTime()).isEqualTo(Instant.ofEpochSecond(NOW_S - 61));
    }

    @Test
    void decode_secondaryKeyCookieNeedsResign() {
        JwsSessionCodec old = Fixtures.codec(KeyRing.of(Fixtures.K2), options().build());
        String cookie = old.encode(session().build());

        DecodeResult result = codec().decode(cookie);

        assertThat(result).isEqualTo(new DecodeResult.Valid(((DecodeResult.Valid) result).session(), "k2", true));
    }

    @Test
    void decode_hs512KeyRoundTrips() {
        JwsSessionCodec hs512 = Fixtures.codec(KeyRing.of(Fixtures.K512, Fixtures.K1), options().build());
        String cookie = hs512.encode(session().build());
        assertThat(fromB64(cookie.split("\\.")[0])).startsWith("{\"alg\":\"HS512\",\"kid\":\"k512\"");
        assertThat(cookie.split("\\.")[2]).hasSize(86);
        assertThat(codec().decode(cookie)).isInstanceOfSatisfying(DecodeResult.Valid.class, v -> {
            assertThat(v.keyId()).isEqualTo("k512");
            assertThat(v.needsResign()).isTrue();
        });
    }

    @Test
    void decode_acceptsNegativeIdleLimitAsNoIdleTimeout() {
        SessionData session = session().maxInactiveInterval(Duration.ofSeconds(-1))
                .lastAccessedTime(NOW.minus(Duration.ofHours(5))).creationTime(NOW.minus(Duration.ofHours(6)))
                .build();
        DecodeResult.Valid valid = (DecodeResult.Valid) codec().decode(codec().encode(session));
        assertThat(valid.session().maxInactiveInterval()).isEqualTo(Duration.ofSeconds(-1));
    }
}
