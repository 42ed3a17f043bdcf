package dev.steadfast.quickstart;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * {@code POST /logout}: invalidates the session and answers {@code bye}. Under Steadfast that expires the cookie;
 * a copy of the old cookie kept elsewhere stays valid until its own expiry (docs/sessions.md, invalidate()).
 */
public final class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write("bye");
    }
}
