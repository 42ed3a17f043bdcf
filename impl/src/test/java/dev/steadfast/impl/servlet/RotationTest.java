package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;

import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Key rotation: older keys verify and their cookies move to the primary key; unknown keys are left alone. */
class RotationTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/read", (req, res) -> {
                HttpSession session = req.getSession(false);
                res.getWriter().print(session == null ? "none" : session.getId() + " " + session.getAttribute("user"));
            })
            .servlet("/static", (req, res) -> res.getWriter().print("no session here"))
            .servlet("/login", (req, res) -> {
                req.getSession().setAttribute("user", "bob");
                res.getWriter().print("logged in");
            })
            .build();

    private static SessionData session(String id, String user) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return SessionData.builder().id(id).creationTime(now).lastAccessedTime(now)
                .maxInactiveInterval(Duration.ofMinutes(30)).attribute("user", user).build();
    }

    private static String signedBy(SigningKey key, SessionData data) {
        return "steadfast=" + SteadfastTomcat.codec(KeyRing.of(key), SteadfastTomcat.CONTEXT_PATH, Clock.systemUTC())
                .encode(data);
    }

    private static String unknownKid(SessionData data) {
        return signedBy(SigningKey.of("k9", Algorithm.HS256, SecretBytes.fromUtf8(SteadfastTomcat.randomSecret())),
                data);
    }

    @Test
    void shouldRenewCookie_whenSignedByOlderKey() {
        Reply reply = APP.get("/read", signedBy(APP.key("k2"), session("sid-rotated-000000000", "alice")));

        assertThat(reply.body()).isEqualTo("sid-rotated-000000000 alice");
        assertThat(SteadfastTomcat.kid(reply.sessionValue())).isEqualTo("k1");
        DecodeResult decoded = APP.codec().decode(reply.sessionValue());
        assertThat(decoded).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.session().id()).isEqualTo("sid-rotated-000000000");
            assertThat(valid.session().attributes()).isEqualTo(Map.of("user", "alice"));
            assertThat(valid.needsResign()).isFalse();
        });
    }

    @Test
    void shouldRenewCookie_whenSignedByOlderKeyEvenIfServletNeverTouchesTheSession() {
        Reply reply = APP.get("/static", signedBy(APP.key("k2"), session("sid-untouched-0000000", "alice")));

        assertThat(reply.body()).isEqualTo("no session here");
        assertThat(SteadfastTomcat.kid(reply.sessionValue())).isEqualTo("k1");
        assertThat(APP.codec().decode(reply.sessionValue())).isInstanceOfSatisfying(DecodeResult.Valid.class,
                valid -> assertThat(valid.session().attributes()).isEqualTo(Map.of("user", "alice")));
    }

    @Test
    void shouldNotRenewCookie_whenSignedByPrimaryKeyAndUnchanged() {
        Reply reply = APP.get("/read", signedBy(APP.key("k1"), session("sid-current-000000000", "alice")));

        assertThat(reply.body()).isEqualTo("sid-current-000000000 alice");
        assertThat(reply.setCookies()).isEmpty();
    }

    @Test
    void shouldLeaveCookieUntouched_whenKidIsUnknownAndServletOnlyReads() {
        Reply reply = APP.get("/read", unknownKid(session("sid-elsewhere-0000000", "alice")));

        assertThat(reply.body()).isEqualTo("none");
        assertThat(reply.setCookies()).isEmpty();
    }

    @Test
    void shouldOverwriteCookie_whenKidIsUnknownAndServletCreatesSession() {
        Reply reply = APP.get("/login", unknownKid(session("sid-elsewhere-0000000", "alice")));
        Reply next = APP.get("/read", reply.sessionCookie());

        assertThat(SteadfastTomcat.kid(reply.sessionValue())).isEqualTo("k1");
        assertThat(next.body()).doesNotStartWith("sid-elsewhere").endsWith(" bob");
    }

    @Test
    void shouldUseFirstVerifyingCookie_whenSeveralCarryTheName() {
        // Ordering assumption: Tomcat's getCookies() keeps the order of the Cookie header, and browsers send the
        // cookie with the longest path first (RFC 6265 5.4), so "first" is the most specific cookie.
        Reply reply = APP.get("/read", "steadfast=garbage", unknownKid(session("sid-unknown-000000000", "eve")),
                signedBy(APP.key("k1"), session("sid-first-00000000000", "alice")),
                signedBy(APP.key("k1"), session("sid-second-0000000000", "bob")));

        assertThat(reply.body()).isEqualTo("sid-first-00000000000 alice");
        assertThat(reply.setCookies()).isEmpty();
    }
}
