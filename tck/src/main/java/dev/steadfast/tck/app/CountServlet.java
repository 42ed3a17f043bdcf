package dev.steadfast.tck.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * The quickstart's contract, for in-container tests: {@code GET /count} increments the Integer session attribute
 * {@code count} and answers {@code count=N}; {@code POST /count} invalidates the session.
 */
@WebServlet("/count")
public class CountServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        Integer count = (Integer) session.getAttribute("count");
        int next = count == null ? 1 : count + 1;
        session.setAttribute("count", next);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("count=" + next);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("bye");
    }
}
