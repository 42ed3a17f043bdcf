package dev.steadfast.avatar;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * {@code POST /logout}: invalidates the session (Steadfast expires the cookie) and returns to the sign-in form. As
 * docs/sessions.md says, a copy of the old cookie kept elsewhere stays valid until its idle or absolute timeout.
 */
@WebServlet(name = "logout", urlPatterns = "/logout")
public final class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        resp.sendRedirect(req.getContextPath() + "/login?bye");
    }
}
