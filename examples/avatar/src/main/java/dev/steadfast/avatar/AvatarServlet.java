package dev.steadfast.avatar;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /avatar}: the avatars to pick from ({@code /WEB-INF/jsp/avatar.jsp}). {@code POST /avatar}: stores the
 * pick in the session.
 */
@WebServlet(name = "avatar", urlPatterns = "/avatar")
public final class AvatarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String user = Pages.user(req);
        if (user == null) {
            resp.sendRedirect(req.getContextPath() + "/login");
            return;
        }
        req.setAttribute("user", user);
        req.setAttribute("avatars", List.of(Avatar.values()));
        req.setAttribute("current", req.getSession().getAttribute(Pages.AVATAR));
        Html.render(req, resp, "avatar", "Pick an avatar");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Pages.user(req) == null) {
            resp.sendRedirect(req.getContextPath() + "/login");
            return;
        }
        Optional<Avatar> avatar = Avatar.byId(req.getParameter("avatar"));
        if (avatar.isEmpty()) {
            resp.sendRedirect(req.getContextPath() + "/avatar");
            return;
        }
        HttpSession session = req.getSession();
        session.setAttribute(Pages.AVATAR, avatar.get().id());
        resp.sendRedirect(req.getContextPath() + "/profile");
    }
}
