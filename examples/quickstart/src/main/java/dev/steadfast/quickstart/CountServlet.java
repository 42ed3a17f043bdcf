package dev.steadfast.quickstart;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/** {@code GET /count}: increments the session attribute {@code count} and answers {@code count=N}. */
public final class CountServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession();
        Integer count = (Integer) session.getAttribute("count");
        int next = count == null ? 1 : count + 1;
        session.setAttribute("count", next);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write("count=" + next);
    }
}
