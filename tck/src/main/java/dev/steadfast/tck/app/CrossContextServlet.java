package dev.steadfast.tck.app;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Cross-context dispatch, deployed in two WARs. {@code /xctx/count} increments this application's session
 * attribute {@code count}; {@code /xctx/peek} shows it without changing the session; {@code /xctx/include?to=/ctx}
 * and {@code /xctx/forward?to=/ctx} count in this application, then include {@code /xctx/peek} or forward to
 * {@code /xctx/count} of the application at context path {@code to}. Answers {@code no-context} when the container
 * does not give this application the other's {@code ServletContext} (Tomcat without {@code crossContext}).
 */
@WebServlet("/xctx/*")
public class CrossContextServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        res.setContentType("text/plain;charset=UTF-8");
        // An included servlet sees the including request's path; its own is in the include attributes.
        Object included = req.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO);
        String path = included != null ? included.toString() : req.getPathInfo();
        String op = path == null ? "" : path;
        switch (op) {
            case "/count" -> res.getWriter().print(getServletContext().getContextPath() + " count=" + count(req));
            case "/peek" -> {
                HttpSession session = req.getSession(false);
                Object count = session == null ? null : session.getAttribute("count");
                res.getWriter().print(getServletContext().getContextPath() + " peek=" + count);
            }
            case "/include", "/forward" -> {
                ServletContext other = getServletContext().getContext(req.getParameter("to"));
                if (other == null || other == getServletContext()) {
                    res.getWriter().print("no-context");
                    return;
                }
                int mine = count(req);
                if (op.equals("/include")) {
                    res.getWriter().print(getServletContext().getContextPath() + " count=" + mine + "|");
                    RequestDispatcher include = other.getRequestDispatcher("/xctx/peek");
                    include.include(req, res);
                    // After the include this application's session is its own again, and still changes.
                    res.getWriter().print("|after=" + count(req));
                } else {
                    other.getRequestDispatcher("/xctx/count").forward(req, res);
                }
            }
            default -> res.sendError(404);
        }
    }

    private static int count(HttpServletRequest req) {
        HttpSession session = req.getSession();
        Integer count = (Integer) session.getAttribute("count");
        int next = count == null ? 1 : count + 1;
        session.setAttribute("count", next);
        return next;
    }
}
