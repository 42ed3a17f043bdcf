package dev.steadfast.quickstart;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code GET /}: what to try. Creates no session. */
public final class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String base = escape(req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort());
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Steadfast quickstart</title></head><body>\n"
                + "<h1>Steadfast quickstart</h1>\n"
                + "<p>This application's <code>HttpSession</code> lives in a signed cookie, so it survives a "
                + "restart. Try it with curl and a cookie jar:</p>\n<pre>"
                + "curl -b jar.txt -c jar.txt -w '\\n' " + base + "/count     # count=1\n"
                + "curl -b jar.txt -c jar.txt -w '\\n' " + base + "/count     # count=2\n"
                + "# restart the application (Ctrl+C, run it again), then:\n"
                + "curl -b jar.txt -c jar.txt -w '\\n' " + base + "/count     # count=3\n"
                + "curl -b jar.txt -c jar.txt -w '\\n' -X POST " + base + "/logout   # bye\n"
                + "</pre>\n"
                + "<p>The cookie is signed, not encrypted: anyone can read the count in it, nobody can change it. "
                + "A tampered cookie is ignored, as if none had been sent.</p>\n"
                + "</body></html>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
