package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HttpSession and request session methods, as docs/sessions.md describes them. */
class SessionApiTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/create", (req, res) -> {
                HttpSession session = req.getSession();
                session.setAttribute("user", "alice");
                res.getWriter().print("new=" + session.isNew() + " id=" + session.getId());
            })
            .servlet("/info", (req, res) -> res.getWriter().print(info(req)))
            .servlet("/invalidate", (req, res) -> {
                req.getSession(false).invalidate();
                res.getWriter().print("valid=" + req.isRequestedSessionIdValid());
            })
            .servlet("/change", (req, res) -> {
                String old = req.getSession(false).getId();
                String changed = req.changeSessionId();
                res.getWriter().print(old + " " + changed + " " + req.getSession(false).getId() + " valid="
                        + req.isRequestedSessionIdValid());
            })
            .servlet("/mii", (req, res) -> req.getSession(false).setMaxInactiveInterval(600))
            .servlet("/fail", (req, res) -> {
                req.getSession().setAttribute("user", "mallory");
                throw new IllegalStateException("application failure");
            })
            .servlet("/urls", (req, res) -> {
                req.getSession();
                res.getWriter().print(res.encodeURL("/app/x?a=1") + " " + res.encodeRedirectURL("/app/y"));
            })
            .build();

    private static String info(HttpServletRequest req) {
        HttpSession s = req.getSession(false);
        String session = s == null ? "none" : s.getId() + " new=" + s.isNew() + " user=" + s.getAttribute("user")
                + " mii=" + s.getMaxInactiveInterval();
        return "session=" + session + " requested=" + req.getRequestedSessionId() + " valid="
                + req.isRequestedSessionIdValid() + " fromCookie=" + req.isRequestedSessionIdFromCookie()
                + " fromURL=" + req.isRequestedSessionIdFromURL();
    }

    private static String id(Reply created) {
        return created.body().substring(created.body().indexOf("id=") + 3);
    }

    @Test
    void shouldBeNew_onlyInCreatingRequest() {
        Reply created = APP.get("/create");
        Reply next = APP.get("/info", created.sessionCookie());

        assertThat(created.body()).startsWith("new=true id=");
        assertThat(next.body()).startsWith("session=" + id(created) + " new=false user=alice mii=1800 ");
    }

    @Test
    void shouldPersistMaxInactiveInterval_whenChanged() {
        Reply created = APP.get("/create");
        Reply changed = APP.get("/mii", created.sessionCookie());
        Reply next = APP.get("/info", changed.sessionCookie());

        assertThat(next.body()).startsWith("session=" + id(created) + " new=false user=alice mii=600 ");
    }

    @Test
    void shouldExpireCookie_whenInvalidated() {
        Reply created = APP.get("/create");
        Reply invalidated = APP.get("/invalidate", created.sessionCookie());

        assertThat(invalidated.status()).isEqualTo(200);
        assertThat(invalidated.body()).isEqualTo("valid=false");
        assertThat(invalidated.sessionSetCookie()).hasValueSatisfying(h ->
                assertThat(h).startsWith("steadfast=;").contains("; Path=/app").contains("; Max-Age=0"));
    }

    @Test
    void shouldHaveNoSession_whenNextRequestLacksTheExpiredCookie() {
        Reply created = APP.get("/create");
        APP.get("/invalidate", created.sessionCookie());
        Reply next = APP.get("/info");

        assertThat(next.body()).isEqualTo("session=none requested=null valid=false fromCookie=false fromURL=false");
        assertThat(next.setCookies()).isEmpty();
    }

    @Test
    void shouldStillAcceptOldCookie_afterInvalidate_becauseNothingIsRevoked() {
        // Documented limitation (docs/sessions.md): invalidate() cannot revoke copies of the old cookie.
        Reply created = APP.get("/create");
        APP.get("/invalidate", created.sessionCookie());
        Reply replayed = APP.get("/info", created.sessionCookie());

        assertThat(replayed.body()).startsWith("session=" + id(created) + " ");
    }

    @Test
    void shouldIssueNewIdKeepingAttributes_whenSessionIdChanged() {
        Reply created = APP.get("/create");
        Reply changed = APP.get("/change", created.sessionCookie());
        String[] ids = changed.body().split(" ");
        Reply next = APP.get("/info", changed.sessionCookie());

        assertThat(ids[0]).isEqualTo(id(created));
        assertThat(ids[1]).isNotEqualTo(ids[0]).hasSize(22);
        assertThat(ids[2]).isEqualTo(ids[1]);
        assertThat(ids[3]).isEqualTo("valid=false");
        assertThat(next.body()).isEqualTo("session=" + ids[1] + " new=false user=alice mii=1800 requested=" + ids[1]
                + " valid=true fromCookie=true fromURL=false");
    }

    @Test
    void shouldReportRequestedId_whenCookieVerifies() {
        Reply created = APP.get("/create");
        Reply next = APP.get("/info", created.sessionCookie());

        assertThat(next.body()).endsWith(" requested=" + id(created) + " valid=true fromCookie=true fromURL=false");
    }

    @Test
    void shouldReportNoRequestedId_whenNoCookie() {
        assertThat(APP.get("/info").body())
                .isEqualTo("session=none requested=null valid=false fromCookie=false fromURL=false");
    }

    @Test
    void shouldReportNoRequestedId_whenCookieIsRejected() {
        assertThat(APP.get("/info", "steadfast=forged.cookie.value").body())
                .isEqualTo("session=none requested=null valid=false fromCookie=false fromURL=false");
    }

    @Test
    void shouldNotAddJsessionid_whenEncodingUrls() {
        Reply reply = APP.get("/urls");

        assertThat(reply.body()).isEqualTo("/app/x?a=1 /app/y");
    }

    @Test
    void shouldLeaveCookieAsItWas_whenRequestEndsInException() {
        Reply created = APP.get("/create");
        Reply failed = APP.get("/fail", created.sessionCookie());
        Reply next = APP.get("/info", created.sessionCookie());

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.setCookies()).isEmpty();
        assertThat(next.body()).startsWith("session=" + id(created) + " new=false user=alice ");
    }
}
