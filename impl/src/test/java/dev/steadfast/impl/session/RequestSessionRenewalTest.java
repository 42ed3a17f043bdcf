package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.testsupport.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Renewal at the edge of renew-after, with a fixed clock: the cookie records whole seconds, so "more than
 * renew-after since it was issued" is only certain once more than renew-after whole seconds separate now from iat.
 */
class RequestSessionRenewalTest {

    private static final Instant ISSUED = Instant.parse("2030-01-01T00:00:00Z");
    private static final SigningKey KEY = SigningKey.of("k1", Algorithm.HS256,
            SecretBytes.fromUtf8(Secrets.register("Qm7vT2xK9pLr4WsN8cYd3FhJ6gZa1uEb5oRi0VnXq2w")));

    private static List<String> setCookiesAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        JwsSessionCodec codec = new JwsSessionCodec(KeyRing.of(KEY), CodecOptions.builder("/app").clock(clock).build());
        SessionRuntime runtime = SessionFixtures.runtime(codec, clock, Duration.ofSeconds(1), 3800);
        String value = codec.encode(SessionData.builder().id("sid-renewal-000000000").creationTime(ISSUED)
                .lastAccessedTime(ISSUED).maxInactiveInterval(Duration.ofMinutes(30)).build());

        RequestSessionState session = SessionFixtures.request(runtime, "steadfast=" + value);
        assertThat(session.get(false)).isNotNull();
        return SessionFixtures.commit(session);
    }

    @Test
    void shouldNotRenew_whenOnlyRenewAfterWholeSecondsSeparateNowFromIat() {
        // Issued anywhere in 00:00:00.xxx: at 00:00:01.500 as little as 0.5 s may have passed.
        assertThat(setCookiesAt(ISSUED.plusMillis(1500))).isEmpty();
    }

    @Test
    void shouldRenew_whenMoreThanRenewAfterWholeSecondsHavePassed() {
        assertThat(setCookiesAt(ISSUED.plusSeconds(2))).singleElement()
                .satisfies(h -> assertThat(h).startsWith("steadfast="));
    }
}
