package dev.steadfast.avatar;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /login}: the sign-in form ({@code /WEB-INF/jsp/login.jsp}). {@code POST /login}: checks the password; on success stores the user's name
 * in the session under a new session id ({@code changeSessionId()}); on failure shows the form again with an error
 * and creates no session.
 */
@WebServlet(name = "login", urlPatterns = "/login")
public final class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Pages.user(req) != null) {
            resp.sendRedirect(req.getContextPath() + "/profile");
            return;
        }
        req.setAttribute("signedOut", req.getParameter("bye") != null);
        Html.render(req, resp, "login", "Sign in");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        req.setCharacterEncoding("UTF-8");
        String username = Objects.requireNonNullElse(req.getParameter("username"), "");
        char[] password = Objects.requireNonNullElse(req.getParameter("password"), "").toCharArray();
        Optional<String> user = Users.authenticate(username, password);
        Arrays.fill(password, '\0');
        if (user.isEmpty()) {
            req.setAttribute("failed", true);
            req.setAttribute("username", username);
            Html.render(req, resp, "login", "Sign in");
            return;
        }
        HttpSession session = req.getSession();
        if (!user.get().equals(session.getAttribute(Pages.USER))) {
            session.removeAttribute(Pages.AVATAR);
        }
        // A new session id at every sign-in (session fixation).
        req.changeSessionId();
        session.setAttribute(Pages.USER, user.get());
        boolean hasAvatar = session.getAttribute(Pages.AVATAR) != null;
        resp.sendRedirect(req.getContextPath() + (hasAvatar ? "/profile" : "/avatar"));
    }
}
