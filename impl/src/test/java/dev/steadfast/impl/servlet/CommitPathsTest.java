package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpSession;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * However the response commits, the session cookie is in its headers: each test commits one way after setting an
 * attribute, then reads the attribute back with the cookie it got.
 */
class CommitPathsTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/read", (req, res) -> {
                HttpSession session = req.getSession(false);
                TreeMap<String, Object> all = new TreeMap<>();
                if (session != null) {
                    Collections.list(session.getAttributeNames()).forEach(n -> all.put(n, session.getAttribute(n)));
                }
                res.getWriter().print(session == null ? "none" : all.toString());
            })
            .servlet("/writer-flush", (req, res) -> {
                req.getSession().setAttribute("path", "writer-flush");
                PrintWriter w = res.getWriter();
                w.print("first ");
                w.flush();
                w.print("second");
            })
            .servlet("/stream-beyond-buffer", (req, res) -> {
                res.setBufferSize(1024);
                req.getSession().setAttribute("path", "stream-beyond-buffer");
                byte[] body = new byte[4096];
                java.util.Arrays.fill(body, (byte) 'x');
                res.getOutputStream().write(body);
            })
            .servlet("/content-length", (req, res) -> {
                req.getSession().setAttribute("path", "content-length");
                res.setContentLength(5);
                res.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            })
            .servlet("/redirect", (req, res) -> {
                req.getSession().setAttribute("path", "redirect");
                res.sendRedirect(req.getContextPath() + "/read");
            })
            .servlet("/error", (req, res) -> {
                req.getSession().setAttribute("path", "error");
                res.sendError(409);
            })
            .servlet("/flush-buffer", (req, res) -> {
                req.getSession().setAttribute("path", "flush-buffer");
                res.getWriter().print("flushed");
                res.flushBuffer();
            })
            .servlet("/reset", (req, res) -> {
                req.getSession().setAttribute("path", "before-reset");
                res.setHeader("X-Discarded", "yes");
                res.getWriter().print("discarded ");
                res.reset();
                req.getSession().setAttribute("path", "reset");
                res.getWriter().print("kept");
            })
            .servlet("/async", (req, res) -> {
                AsyncContext async = req.startAsync();
                new Thread(() -> {
                    try {
                        req.getSession().setAttribute("path", "async");
                        async.getResponse().getWriter().print("async done");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        async.complete();
                    }
                }).start();
            })
            .servlet("/forward", (req, res) -> {
                HttpSession session = req.getSession();
                session.setAttribute("outer", "forward");
                req.setAttribute("outerSession", session);
                req.getRequestDispatcher("/target").forward(req, res);
            })
            .servlet("/include", (req, res) -> {
                HttpSession session = req.getSession();
                session.setAttribute("outer", "include");
                req.setAttribute("outerSession", session);
                res.getWriter().print("before;");
                req.getRequestDispatcher("/target").include(req, res);
                res.getWriter().print(";after");
            })
            .servlet("/forward-async", (req, res) -> {
                req.getSession().setAttribute("outer", "forward-async");
                req.getRequestDispatcher("/async").forward(req, res);
            })
            .servlet("/target", (req, res) -> {
                HttpSession session = req.getSession(false);
                session.setAttribute("path", "target");
                res.getWriter().print("same=" + (session == req.getAttribute("outerSession")));
            })
            .build();

    private static String readBack(Reply reply) {
        assertThat(reply.setCookies()).singleElement().satisfies(c -> assertThat(c).startsWith("steadfast="));
        assertThat(APP.containerSessions()).isZero();
        return APP.get("/read", reply.sessionCookie()).body();
    }

    @Test
    void shouldSendCookie_whenWriterIsFlushedBeforeTheEnd() {
        Reply reply = APP.get("/writer-flush");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("first second");
        assertThat(readBack(reply)).isEqualTo("{path=writer-flush}");
    }

    @Test
    void shouldSendCookie_whenStreamWriteExceedsBuffer() {
        Reply reply = APP.get("/stream-beyond-buffer");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(4096).matches("x+");
        assertThat(readBack(reply)).isEqualTo("{path=stream-beyond-buffer}");
    }

    @Test
    void shouldSendCookie_whenContentLengthIsReached() {
        Reply reply = APP.get("/content-length");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("hello");
        assertThat(reply.header("Content-Length")).hasValue("5");
        assertThat(readBack(reply)).isEqualTo("{path=content-length}");
    }

    @Test
    void shouldSendCookie_whenRedirecting() {
        Reply reply = APP.get("/redirect");

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/app/read"));
        assertThat(readBack(reply)).isEqualTo("{path=redirect}");
    }

    @Test
    void shouldKeepStatusAndSendCookie_whenSendingError() {
        Reply reply = APP.get("/error");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(readBack(reply)).isEqualTo("{path=error}");
    }

    @Test
    void shouldSendCookie_whenBufferIsFlushed() {
        Reply reply = APP.get("/flush-buffer");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("flushed");
        assertThat(readBack(reply)).isEqualTo("{path=flush-buffer}");
    }

    @Test
    void shouldAddCookieAgain_whenResponseIsReset() {
        Reply reply = APP.get("/reset");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("kept");
        assertThat(reply.header("X-Discarded")).isEmpty();
        assertThat(readBack(reply)).isEqualTo("{path=reset}");
    }

    @Test
    void shouldSendCookieAndBody_whenAsyncCompletesOnAnotherThread() {
        Reply reply = APP.get("/async");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("async done");
        assertThat(readBack(reply)).isEqualTo("{path=async}");
    }

    @Test
    void shouldShareOneSessionAndSendCookie_whenForwarding() {
        Reply reply = APP.get("/forward");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("same=true");
        assertThat(readBack(reply)).isEqualTo("{outer=forward, path=target}");
    }

    @Test
    void shouldShareOneSessionAndSendCookie_whenIncluding() {
        Reply reply = APP.get("/include");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("before;same=true;after");
        assertThat(readBack(reply)).isEqualTo("{outer=include, path=target}");
    }

    @Test
    void shouldSendCookieAndBody_whenForwardedServletCompletesAsync() {
        Reply reply = APP.get("/forward-async");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("async done");
        assertThat(readBack(reply)).isEqualTo("{outer=forward-async, path=async}");
    }
}
