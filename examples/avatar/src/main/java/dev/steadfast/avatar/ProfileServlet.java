package dev.steadfast.avatar;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** {@code GET /profile}: the user's name and avatar, and the sign-out button ({@code /WEB-INF/jsp/profile.jsp}). */
@WebServlet(name = "profile", urlPatterns = "/profile")
public final class ProfileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
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
        req.setAttribute("user", user);
        req.setAttribute("choice", avatar.get());
        req.setAttribute("since", Html.TIME.format(Instant.ofEpochMilli(session.getCreationTime())));
        Html.render(req, resp, "profile", "Profile");
    }
}
