package dev.steadfast.avatar;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import static dev.steadfast.avatar.Html.escape;

/**
 * {@code GET /login}: the sign-in form. {@code POST /login}: checks the password; on success stores the user's name
 * in the session under a new session id ({@code changeSessionId()}); on failure shows the form again with an error
 * and creates no session.
 */
@WebServlet(name = "login", urlPatterns = "/login")
public final class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Pages.user(req) != null) {
            resp.sendRedirect(req.getContextPath() + "/profile");
            return;
        }
        String note = req.getParameter("bye") != null ? "<p class='note' id='note'>You are signed out.</p>" : "";
        form(req, resp, note, "");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        String username = Objects.requireNonNullElse(req.getParameter("username"), "");
        char[] password = Objects.requireNonNullElse(req.getParameter("password"), "").toCharArray();
        Optional<String> user = Users.authenticate(username, password);
        Arrays.fill(password, '\0');
        if (user.isEmpty()) {
            form(req, resp, "<p class='error' id='error'>Unknown user name or wrong password.</p>", username);
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

    private static void form(HttpServletRequest req, HttpServletResponse resp, String message, String username)
            throws IOException {
        Html.send(req, resp, HttpServletResponse.SC_OK, "Sign in", "<h1>Sign in</h1>\n" + message
                + "<form id='login' method='post' action='" + Html.url(req, "/login") + "'>"
                + "<label for='username'>User name</label>"
                + "<input id='username' name='username' autocomplete='username' required value='"
                + escape(username) + "'>"
                + "<label for='password'>Password</label>"
                + "<input id='password' name='password' type='password' autocomplete='current-password' required>"
                + "<br><button id='sign-in' type='submit'>Sign in</button></form>");
    }
}
