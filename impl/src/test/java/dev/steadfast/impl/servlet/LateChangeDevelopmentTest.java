package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;

import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In development mode a session change after the response committed is an error the developer sees at once. */
class LateChangeDevelopmentTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .property("steadfast.mode", "development")
            .servlet("/late", (req, res) -> {
                HttpSession session = req.getSession();
                session.setAttribute("early", 1);
                res.getWriter().print("committed;");
                res.flushBuffer();
                try {
                    session.setAttribute("late", 2);
                    res.getWriter().print("no exception");
                } catch (IllegalStateException e) {
                    res.getWriter().print(e.getMessage());
                }
            })
            .servlet("/read", (req, res) -> {
                HttpSession session = req.getSession(false);
                res.getWriter().print("early=" + session.getAttribute("early") + " late=" + session.getAttribute("late"));
            })
            .build();

    @Test
    void shouldThrowSteadfast3002_whenAttributeIsSetAfterCommit() {
        Reply reply = APP.get("/late");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).startsWith("committed;STEADFAST-3002: /app changed the session (setAttribute) after "
                + "the response was committed");
    }

    @Test
    void shouldKeepOnlyTheChangesMadeBeforeCommit_whenAttributeIsSetAfterCommit() {
        Reply reply = APP.get("/late");

        assertThat(APP.get("/read", reply.sessionCookie()).body()).isEqualTo("early=1 late=null");
    }
}
