package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.testsupport.Secrets;

import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * setAttribute refuses exactly the values that make the encoded session exceed max-size, also where the cheap bound
 * of the session's length is over the limit and the exact length is not (escaped characters count at their longest
 * in the bound: a newline at six bytes, written as two).
 */
class RequestSessionSizeCheckTest {

    private static final int MAX_SIZE = 1200;
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final SigningKey KEY = SigningKey.of("k1", Algorithm.HS256,
            SecretBytes.fromUtf8(Secrets.register("Zx8vT2mK9pLr4WsN8cYd3FhJ6gQa1uEb5oRi0VnXq7w")));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JwsSessionCodec codec = new JwsSessionCodec(KeyRing.of(KEY),
            CodecOptions.builder("/app").clock(clock).maxSize(MAX_SIZE).build());
    /** The same codec without a practical limit, to tell the exact length of any session. */
    private final JwsSessionCodec unlimited = new JwsSessionCodec(KeyRing.of(KEY),
            CodecOptions.builder("/app").clock(clock).maxSize(1_000_000).build());

    @Test
    void shouldAcceptUpToTheExactLimitAndRefuseBeyondIt() {
        int accepted = 0;
        int refused = 0;
        for (int newlines = 250; newlines < 450; newlines += 3) {
            HttpSession session = newSession();
            session.setAttribute("user", "alice");
            String value = "\n".repeat(newlines);
            boolean fits = encodedLength(session, Map.of("text", value)) <= MAX_SIZE;
            if (fits) {
                session.setAttribute("text", value);
                assertThat(session.getAttribute("text")).isEqualTo(value);
                accepted++;
            } else {
                assertThatThrownBy(() -> session.setAttribute("text", value))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("Session attribute 'text' would make the session "
                                + encodedLength(session, Map.of("text", value)) + " characters; the limit is "
                                + MAX_SIZE);
                assertThat(session.getAttribute("text")).isNull();
                refused++;
            }
        }
        // The range crosses the limit, and the bound (six bytes a newline) was over it for all accepted values.
        assertThat(accepted).isGreaterThan(10);
        assertThat(refused).isGreaterThan(10);
    }

    @Test
    void shouldStayExactAfterTheFirstExactMeasure() {
        HttpSession session = newSession();
        session.setAttribute("text", "\n".repeat(300));
        for (int i = 0; i < 60; i++) {
            String name = "n" + i;
            boolean fits = encodedLength(session, Map.of(name, i)) <= MAX_SIZE;
            if (!fits) {
                assertThatThrownBy(() -> session.setAttribute(name, 0)).isInstanceOf(IllegalStateException.class);
                return;
            }
            session.setAttribute(name, i);
        }
        throw new AssertionError("the session never reached its limit");
    }

    private HttpSession newSession() {
        SessionRuntime runtime = SessionFixtures.runtime(codec, clock, Duration.ofSeconds(60), MAX_SIZE);
        return SessionFixtures.request(runtime).get(true);
    }

    /** What encode produces for the session with these attributes added. */
    private int encodedLength(HttpSession session, Map<String, Object> added) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String name : java.util.Collections.list(session.getAttributeNames())) {
            attributes.put(name, session.getAttribute(name));
        }
        attributes.putAll(added);
        return unlimited.encode(SessionData.builder().id(session.getId())
                .creationTime(Instant.ofEpochMilli(session.getCreationTime())).lastAccessedTime(NOW)
                .maxInactiveInterval(Duration.ofSeconds(session.getMaxInactiveInterval()))
                .attributes(attributes).build()).length();
    }
}
