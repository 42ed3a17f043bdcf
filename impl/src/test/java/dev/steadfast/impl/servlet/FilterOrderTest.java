package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Steadfast's filter runs before the filters an application declares in web.xml. */
class FilterOrderTest {

    private static final Filter WEB_XML_FILTER = (req, res, chain) -> {
        HttpSession session = ((HttpServletRequest) req).getSession(false);
        req.setAttribute("filterSession", session);
        req.setAttribute("filterSaw", session == null ? "none" : session.getId() + " " + session.getAttribute("user"));
        chain.doFilter(req, res);
    };

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .webXmlFilter("/*", WEB_XML_FILTER)
            .servlet("/login", (req, res) -> req.getSession().setAttribute("user", "alice"))
            .servlet("/read", (req, res) -> res.getWriter().print("filter saw " + req.getAttribute("filterSaw")
                    + "; same=" + (req.getSession(false) == req.getAttribute("filterSession"))))
            .build();

    @Test
    void shouldGiveCookieSessionToWebXmlFilter_whenCookieIsSent() {
        Reply login = APP.get("/login");
        String id = ((dev.steadfast.codec.DecodeResult.Valid) APP.codec().decode(login.sessionValue())).session().id();

        Reply read = APP.get("/read", login.sessionCookie());

        assertThat(read.body()).isEqualTo("filter saw " + id + " alice; same=true");
        assertThat(read.setCookies()).isEmpty();
    }
}
