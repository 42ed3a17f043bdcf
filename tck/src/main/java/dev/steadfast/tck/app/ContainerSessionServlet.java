package dev.steadfast.tck.app;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Does what a framework holding the container's request does: unwraps every request wrapper and asks the innermost
 * request for a session, so the container creates its own {@code HttpSession} behind the implementation's back
 * (CONTAINER-3). Answers {@code container-session} and nothing about the session.
 */
@WebServlet("/container-session")
public class ContainerSessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletRequest inner = request;
        while (inner instanceof HttpServletRequestWrapper) {
            inner = ((HttpServletRequestWrapper) inner).getRequest();
        }
        ((HttpServletRequest) inner).getSession(true);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("container-session");
    }
}
