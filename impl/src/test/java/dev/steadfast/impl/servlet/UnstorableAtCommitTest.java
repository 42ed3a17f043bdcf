package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;
import dev.steadfast.impl.support.LogCapture;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Jakarta Faces' server-side state saving does: put an empty map into the session, then fill it with Object[]
 * state. setAttribute saw only the empty map, so the problem shows when the cookie is written. Whichever way the
 * response commits, the previous cookie stays (no Set-Cookie at all), nothing of Steadfast's reaches the client or
 * the application as an exception, and the log names the attribute, element and type once per attribute.
 */
class UnstorableAtCommitTest {

    private static final String STATE = "view-state-7c41";

    /** Fills the session as Faces does; the user name changes too, to show that the whole change is dropped. */
    private static void fill(HttpServletRequest req) {
        HttpSession session = req.getSession();
        session.setAttribute("user", "changed");
        String name = req.getParameter("name") == null ? "views" : req.getParameter("name");
        Map<String, Object> views = new LinkedHashMap<>();
        session.setAttribute(name, views);
        Map<String, Object> actual = new LinkedHashMap<>();
        views.put("v1", actual);
        actual.put("s1", new Object[] {STATE, 1});
    }

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/login", (req, res) -> {
                req.getSession().setAttribute("user", "ada");
                res.getWriter().print("in");
            })
            .servlet("/read", (req, res) -> {
                HttpSession session = req.getSession(false);
                res.getWriter().print(session == null ? "none" : "user=" + session.getAttribute("user")
                        + ";names=" + java.util.Collections.list(session.getAttributeNames()));
            })
            .servlet("/end", (req, res) -> {
                fill(req);
                res.getWriter().print("page");
            })
            .servlet("/writer-flush", (req, res) -> {
                fill(req);
                PrintWriter w = res.getWriter();
                w.print("first ");
                w.flush();
                w.print("second");
            })
            .servlet("/beyond-buffer", (req, res) -> {
                fill(req);
                // Beyond the buffer whatever its size: Tomcat does not shrink it below 8 KB on setBufferSize.
                byte[] body = new byte[4 * res.getBufferSize()];
                Arrays.fill(body, (byte) 'x');
                res.getOutputStream().write(body);
            })
            .servlet("/redirect", (req, res) -> {
                fill(req);
                res.sendRedirect(req.getContextPath() + "/read");
            })
            .servlet("/error", (req, res) -> {
                fill(req);
                res.sendError(409);
            })
            .servlet("/async", (req, res) -> {
                AsyncContext async = req.startAsync();
                new Thread(() -> {
                    try {
                        fill(req);
                        async.getResponse().getWriter().print("async page");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        async.complete();
                    }
                }).start();
            })
            .servlet("/forward", (req, res) -> req.getRequestDispatcher("/end").forward(req, res))
            .build();

    private static String login() {
        return APP.get("/login").sessionCookie();
    }

    private static void assertPreviousSessionKept(Reply reply, String cookie) {
        assertThat(reply.setCookies()).isEmpty();
        assertThat(reply.body()).doesNotContain("dev.steadfast").doesNotContain("Exception").doesNotContain(STATE);
        assertThat(APP.get("/read", cookie).body()).isEqualTo("user=ada;names=[user]");
        assertThat(APP.containerSessions()).isZero();
    }

    @Test
    void shouldFailWith500AndKeepPreviousCookie_whenMapIsFilledWithArrayAfterSetAttribute() {
        String cookie = login();
        try (LogCapture log = LogCapture.steadfast()) {
            Reply reply = APP.get("/end?name=end", cookie);

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.body()).doesNotContain("page");
            assertPreviousSessionKept(reply, cookie);
            assertThat(log.messages(Level.WARNING)).singleElement().satisfies(m -> assertThat(m)
                    .startsWith("STEADFAST-3005: /app could not write the session at the end of the request: "
                            + "attribute 'end', element key 'v1'.key 's1': java.lang.Object[], which a session "
                            + "cookie cannot hold.")
                    .contains("The previous cookie is kept").contains("jakarta.faces.STATE_SAVING_METHOD")
                    .doesNotContain(STATE));
        }
    }

    @Test
    void shouldLogOncePerAttributeName_whenEveryRequestFailsTheSameWay() {
        String cookie = login();
        try (LogCapture log = LogCapture.steadfast()) {
            APP.get("/end?name=again", cookie);
            APP.get("/end?name=again", cookie);
            APP.get("/end?name=again", cookie);
            APP.get("/end?name=another", cookie);

            assertThat(log.messages(Level.WARNING)).hasSize(2)
                    .anySatisfy(m -> assertThat(m).contains("attribute 'again', element"))
                    .anySatisfy(m -> assertThat(m).contains("attribute 'another', element"));
        }
    }

    @Test
    void shouldAnswerWrittenPageWithoutCookie_whenWriterWasFlushedBeforeTheEnd() {
        String cookie = login();

        Reply reply = APP.get("/writer-flush", cookie);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("first second");
        assertPreviousSessionKept(reply, cookie);
    }

    @Test
    void shouldAnswerWrittenPageWithoutCookie_whenBodyOutgrewTheBuffer() {
        String cookie = login();

        Reply reply = APP.get("/beyond-buffer", cookie);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSizeGreaterThan(8192).matches("x+");
        assertPreviousSessionKept(reply, cookie);
    }

    @Test
    void shouldRedirectWithoutCookie_whenRedirecting() {
        String cookie = login();

        Reply reply = APP.get("/redirect", cookie);

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/app/read"));
        assertPreviousSessionKept(reply, cookie);
    }

    @Test
    void shouldKeepApplicationsErrorStatusWithoutCookie_whenSendingError() {
        String cookie = login();

        Reply reply = APP.get("/error", cookie);

        assertThat(reply.status()).isEqualTo(409);
        assertPreviousSessionKept(reply, cookie);
    }

    @Test
    void shouldFailWith500AndKeepPreviousCookie_whenAsyncCompletes() {
        String cookie = login();

        Reply reply = APP.get("/async", cookie);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).doesNotContain("async page");
        assertPreviousSessionKept(reply, cookie);
    }

    @Test
    void shouldFailWith500AndKeepPreviousCookie_whenForwarded() {
        String cookie = login();

        Reply reply = APP.get("/forward", cookie);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).doesNotContain("page");
        assertPreviousSessionKept(reply, cookie);
    }
}
