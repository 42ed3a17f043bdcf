package dev.steadfast.avatar;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Optional;

/** {@code GET /avatar}: the avatars to pick from. {@code POST /avatar}: stores the pick in the session. */
@WebServlet(name = "avatar", urlPatterns = "/avatar")
public final class AvatarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String user = Pages.user(req);
        if (user == null) {
            resp.sendRedirect(req.getContextPath() + "/login");
            return;
        }
        Object current = req.getSession().getAttribute(Pages.AVATAR);
        StringBuilder buttons = new StringBuilder();
        for (Avatar a : Avatar.values()) {
            buttons.append("<button type='submit' name='avatar' value='").append(a.id()).append("' id='pick-")
                    .append(a.id()).append("'").append(a.id().equals(current) ? " class='current'" : "")
                    .append(">").append(a.svg(96)).append("<br>").append(a.label()).append("</button>");
        }
        Html.send(req, resp, HttpServletResponse.SC_OK, "Pick an avatar", "<h1>Pick an avatar, "
                + Html.escape(user) + "</h1>\n<form id='pick' method='post' action='" + Html.url(req, "/avatar")
                + "'><div class='avatars'>" + buttons + "</div></form>");
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
