package dev.steadfast.avatar;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders a page: the servlet (the controller) puts what the page shows in request attributes, and this forwards to
 * the page's JSP under {@code /WEB-INF/jsp/}, which shares the layout in {@code header.jspf} and {@code footer.jspf}.
 * Every page is sent with {@code Cache-Control: no-store}. The JSPs never touch the session ({@code session="false"}),
 * so that showing a page never creates one.
 */
final class Html {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /**
     * @param page  the JSP's name, e.g. {@code login} for {@code /WEB-INF/jsp/login.jsp}
     * @param title the page's title, shown before " - Avatar"
     */
    static void render(HttpServletRequest req, HttpServletResponse resp, String page, String title)
            throws ServletException, IOException {
        resp.setHeader("Cache-Control", "no-store");
        req.setAttribute("title", title);
        req.setAttribute("pid", ProcessHandle.current().pid());
        req.setAttribute("started", TIME.format(Instant.ofEpochMilli(
                ManagementFactory.getRuntimeMXBean().getStartTime())));
        req.getRequestDispatcher("/WEB-INF/jsp/" + page + ".jsp").forward(req, resp);
    }

    /** HTML escaping, for text that is not rendered by a JSP (the browser test's own pages). */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
