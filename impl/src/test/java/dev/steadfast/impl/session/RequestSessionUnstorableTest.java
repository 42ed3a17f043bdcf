package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steadfast.Mode;
import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.impl.support.LogCapture;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.testsupport.Secrets;

import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

/**
 * A session holding, at commit, a value the cookie cannot hold is not written (no header at all), and the attribute
 * at fault is reported, whether the codec locates it itself or not.
 */
class RequestSessionUnstorableTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final SigningKey KEY = SigningKey.of("k1", Algorithm.HS256,
            SecretBytes.fromUtf8(Secrets.register("Hs4pW9tLq2Zx7Vb3Nc8Rm1Ky6Gd5Fj0Ue3Ta7Yo2Pi4")));
    private static final JwsSessionCodec JWS = new JwsSessionCodec(KeyRing.of(KEY),
            CodecOptions.builder("/app").clock(CLOCK).build());

    /** A codec of another implementation: refuses with a plain IllegalArgumentException that locates nothing. */
    private static final SessionCodec OTHER = new SessionCodec() {
        @Override
        public String encode(SessionData session) {
            try {
                return JWS.encode(session);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot encode");
            }
        }

        @Override
        public DecodeResult decode(String cookieValue) {
            return JWS.decode(cookieValue);
        }
    };

    private static RequestSessionState request(SessionCodec codec) {
        SessionRuntime base = SessionFixtures.runtime(JWS, CLOCK, Duration.ofMinutes(3), 3800);
        SessionRuntime runtime = new SessionRuntime(base.settings(), codec, Mode.PRODUCTION, CLOCK,
                base.rejections(), null);
        return SessionFixtures.request(runtime);
    }

    /** Commits, recording in {@code calls} every header or cookie method called on the response. */
    private static boolean commit(RequestSessionState session, List<String> calls) {
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                RequestSessionUnstorableTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().contains("Header") || method.getName().contains("Cookie")) {
                        calls.add(method.getName());
                    }
                    return null;
                });
        return session.commit(response);
    }

    private static void fillAfterSetAttribute(RequestSessionState session) {
        Map<String, Object> views = new HashMap<>();
        session.get(true).setAttribute("views", views);
        views.put("v1", new Object[] {"state"});
    }

    @Test
    void shouldWriteNoHeaderAndReport_whenMapIsFilledWithArrayAfterSetAttribute() {
        RequestSessionState session = request(JWS);
        fillAfterSetAttribute(session);
        List<String> calls = new ArrayList<>();

        try (LogCapture log = LogCapture.steadfast()) {
            assertThat(commit(session, calls)).isFalse();

            assertThat(calls).isEmpty();
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains("STEADFAST-3005: /app could not write the session at the end of the request: "
                            + "attribute 'views', element key 'v1': java.lang.Object[]");
        }
    }

    @Test
    void shouldLocateAttribute_whenAnotherCodecRefusesWithoutSayingWhere() {
        RequestSessionState session = request(OTHER);
        // Before the map is filled: with a codec other than Steadfast's, setAttribute encodes the whole session.
        session.get(true).setAttribute("ok", List.of("fine"));
        fillAfterSetAttribute(session);

        try (LogCapture log = LogCapture.steadfast()) {
            assertThat(commit(session, new ArrayList<>())).isFalse();

            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains("attribute 'views', element key 'v1': java.lang.Object[]");
        }
    }

    @Test
    void shouldRethrow_whenCodecRefusesAndNoAttributeIsAtFault() {
        AtomicBoolean broken = new AtomicBoolean();
        SessionCodec refusing = new SessionCodec() {
            @Override
            public String encode(SessionData session) {
                if (broken.get()) {
                    throw new IllegalArgumentException("a bug in the codec, not the data");
                }
                return JWS.encode(session);
            }

            @Override
            public DecodeResult decode(String cookieValue) {
                return JWS.decode(cookieValue);
            }
        };
        RequestSessionState session = request(refusing);
        session.get(true).setAttribute("user", "ada");
        broken.set(true);

        assertThatThrownBy(() -> commit(session, new ArrayList<>())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bug in the codec, not the data");
    }
}
