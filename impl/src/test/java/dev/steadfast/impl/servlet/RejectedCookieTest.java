package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;

import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A rejected cookie is exactly no cookie: same status, same body, no Set-Cookie unless a session is created. */
class RejectedCookieTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/page", (req, res) -> {
                HttpSession session = req.getSession(false);
                res.setContentType("text/plain");
                res.getWriter().print("user=" + (session == null ? "anonymous" : session.getAttribute("user")));
            })
            .servlet("/login", (req, res) -> {
                req.getSession().setAttribute("user", "bob");
                res.getWriter().print("logged in");
            })
            .build();

    private static SessionData alice(Instant at) {
        return SessionData.builder().id("sid-alice-0000000000").creationTime(at).lastAccessedTime(at)
                .maxInactiveInterval(Duration.ofMinutes(30)).attribute("user", "alice").build();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(String kind) {
        Instant now = Instant.now();
        String valid = APP.codec().encode(alice(now));
        String[] parts = valid.split("\\.");
        switch (kind) {
            case "tampered payload": {
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                return parts[0] + "." + b64(payload.replace("alice", "admin")) + "." + parts[2];
            }
            case "bad MAC":
                return parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
            case "expired": {
                Instant past = now.minus(Duration.ofHours(2));
                return SteadfastTomcat.codec(KeyRing.of(APP.key("k1")), SteadfastTomcat.CONTEXT_PATH,
                        Clock.fixed(past, java.time.ZoneOffset.UTC)).encode(alice(past));
            }
            case "unknown kid": {
                SigningKey stranger = SigningKey.of("k9", Algorithm.HS256,
                        SecretBytes.fromUtf8(SteadfastTomcat.randomSecret()));
                return SteadfastTomcat.codec(KeyRing.of(stranger), SteadfastTomcat.CONTEXT_PATH, Clock.systemUTC())
                        .encode(alice(now));
            }
            case "foreign audience":
                return SteadfastTomcat.codec(KeyRing.of(APP.key("k1")), "/other", Clock.systemUTC()).encode(alice(now));
            case "malformed":
                return "this-is-not-a-jws";
            case "oversized":
                return valid + "A".repeat(4000);
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    @Test
    void shouldAcceptCookie_whenUntouched() {
        // The control for the rejections below: the same cookie, unmodified, is a session.
        Reply reply = APP.get("/page", "steadfast=" + APP.codec().encode(alice(Instant.now())));

        assertThat(reply.body()).isEqualTo("user=alice");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tampered payload", "bad MAC", "expired", "unknown kid", "foreign audience", "malformed",
            "oversized"})
    void shouldAnswerExactlyAsWithoutCookie_whenCookieIsRejected(String kind) {
        Reply without = APP.get("/page");
        long rejectedBefore = APP.runtime().rejections().total();

        Reply with = APP.get("/page", "steadfast=" + cookie(kind));

        assertThat(with.status()).isEqualTo(without.status()).isEqualTo(200);
        assertThat(with.body()).isEqualTo(without.body()).isEqualTo("user=anonymous");
        assertThat(with.header("Content-Type")).isEqualTo(without.header("Content-Type"));
        assertThat(with.setCookies()).isEmpty();
        assertThat(APP.runtime().rejections().total()).isEqualTo(rejectedBefore + 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tampered payload", "bad MAC", "expired", "unknown kid", "foreign audience", "malformed",
            "oversized"})
    void shouldIssueFreshSession_whenCookieIsRejectedAndServletCreatesOne(String kind) {
        Reply reply = APP.get("/login", "steadfast=" + cookie(kind));
        Reply next = APP.get("/page", reply.sessionCookie());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("logged in");
        assertThat(next.body()).isEqualTo("user=bob");
    }
}
