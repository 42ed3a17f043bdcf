package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;
import dev.steadfast.impl.support.LogCapture;

import jakarta.servlet.http.HttpSession;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In production a session change after commit is lost with one warning per cause, never an error. */
class LateChangeProductionTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/late-set", (req, res) -> {
                HttpSession session = req.getSession();
                res.flushBuffer();
                session.setAttribute("late", 2);
                res.getWriter().print("done");
            })
            .servlet("/late-remove", (req, res) -> {
                HttpSession session = req.getSession(false);
                res.flushBuffer();
                session.removeAttribute("early");
                res.getWriter().print("done");
            })
            .servlet("/login", (req, res) -> req.getSession().setAttribute("early", 1))
            .build();

    @Test
    void shouldLogOneWarningPerCause_whenSessionChangesAfterCommit() {
        String cookie = APP.get("/login").sessionCookie();
        try (LogCapture log = LogCapture.steadfast()) {
            Reply first = APP.get("/late-set");
            Reply second = APP.get("/late-set");
            Reply third = APP.get("/late-remove", cookie);
            Reply fourth = APP.get("/late-remove", cookie);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("done");
            assertThat(second.body()).isEqualTo("done");
            assertThat(third.body()).isEqualTo("done");
            assertThat(fourth.body()).isEqualTo("done");
            assertThat(log.messages(Level.WARNING)).hasSize(2).satisfiesExactly(
                    m -> assertThat(m).startsWith("STEADFAST-3002: /app changed the session (setAttribute) after")
                            .endsWith(" Logged once per cause."),
                    m -> assertThat(m).startsWith("STEADFAST-3002: /app changed the session (removeAttribute) after"));
        }
    }
}
