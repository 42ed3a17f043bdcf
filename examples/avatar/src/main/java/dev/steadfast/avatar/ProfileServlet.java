package dev.steadfast.avatar;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import static dev.steadfast.avatar.Html.escape;

/** {@code GET /profile}: the user's name and avatar, and the sign-out button. */
@WebServlet(name = "profile", urlPatterns = "/profile")
public final class ProfileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String user = Pages.user(req);
        if (user == null) {
            resp.sendRedirect(req.getContextPath() + "/login");
            return;
        }
        HttpSession session = req.getSession();
        Optional<Avatar> avatar = Avatar.byId((String) session.getAttribute(Pages.AVATAR));
        if (avatar.isEmpty()) {
            resp.sendRedirect(req.getContextPath() + "/avatar");
            return;
        }
        Avatar a = avatar.get();
        Html.send(req, resp, HttpServletResponse.SC_OK, "Profile", "<h1>Profile</h1>\n"
                + "<div class='profile'><div id='profile-avatar' data-avatar='" + a.id() + "'>" + a.svg(160)
                + "</div><div><p>Signed in as <b id='profile-name'>" + escape(user) + "</b></p>"
                + "<p>Avatar: <b id='avatar-label'>" + a.label() + "</b> (<a href='" + Html.url(req, "/avatar")
                + "'>change</a>)</p>"
                + "<p id='since'>Signed in since " + Html.TIME.format(Instant.ofEpochMilli(session.getCreationTime()))
                + "</p>"
                + "<form method='post' action='" + Html.url(req, "/logout") + "'>"
                + "<button id='logout' type='submit'>Sign out</button></form></div></div>");
    }
}
