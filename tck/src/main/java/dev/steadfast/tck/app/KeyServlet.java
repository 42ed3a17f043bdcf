package dev.steadfast.tck.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Collections;

import javax.crypto.spec.SecretKeySpec;

/**
 * Sets a {@code java.security.Key} on the session, as Mojarra does with its client-state key, and reports what the
 * session shows. {@code /key/set}: sets the attribute {@code user} (a String) and {@code crypto.key} (an AES key of
 * zero bytes, never printed) and answers {@code key=<whether getAttribute returns it> names=<sorted names>};
 * {@code /key/set-only}: sets only the key on an existing session and answers the same; {@code /key/get}: answers
 * {@code user=<user> key=<whether the key is there> names=<sorted names>}, or {@code none} without a session.
 */
@WebServlet("/key/*")
public class KeyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The attribute that holds the key. */
    public static final String KEY = "crypto.key";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        String op = request.getPathInfo() == null ? "/get" : request.getPathInfo();
        switch (op) {
            case "/set" -> {
                HttpSession session = request.getSession();
                session.setAttribute("user", "ann");
                session.setAttribute(KEY, new SecretKeySpec(new byte[32], "AES"));
                response.getWriter().print(report(session, false));
            }
            case "/set-only" -> {
                HttpSession session = request.getSession();
                session.setAttribute(KEY, new SecretKeySpec(new byte[32], "AES"));
                response.getWriter().print(report(session, false));
            }
            default -> {
                HttpSession session = request.getSession(false);
                response.getWriter().print(session == null ? "none" : report(session, true));
            }
        }
    }

    private static String report(HttpSession session, boolean withUser) {
        return (withUser ? "user=" + session.getAttribute("user") + " " : "")
                + "key=" + (session.getAttribute(KEY) instanceof java.security.Key)
                + " names=" + Collections.list(session.getAttributeNames()).stream().sorted().toList();
    }
}
