package dev.steadfast.avatar;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.List;

/**
 * What every page shares: the session attributes (plain Strings, nothing else) and the list of servlets, which the
 * embedded launcher registers from their {@code @WebServlet} annotations, as a full server does by scanning.
 */
public final class Pages {

    /** Session attribute: the signed-in user's name. */
    static final String USER = "user";
    /** Session attribute: the chosen avatar's id. */
    static final String AVATAR = "avatar";

    /** Every servlet of the application, each annotated with {@code @WebServlet}. */
    public static final List<Class<? extends HttpServlet>> SERVLETS = List.of(HomeServlet.class,
            LoginServlet.class, AvatarServlet.class, ProfileServlet.class, LogoutServlet.class);

    private Pages() {
    }

    /** @return the signed-in user's name, or {@code null}; never creates a session */
    static String user(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        return session == null ? null : (String) session.getAttribute(USER);
    }
}
