package dev.steadfast.avatar;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The page layout, and HTML escaping. Every page is sent with {@code Cache-Control: no-store}. */
final class Html {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = "body{font-family:system-ui,sans-serif;background:#f4f1ea;color:#222;"
            + "margin:0}header{background:#2f3e46;color:#fff;padding:14px 28px}header b{font-size:1.2em}"
            + "main{max-width:640px;margin:28px auto;background:#fff;border-radius:10px;padding:24px 32px;"
            + "box-shadow:0 2px 8px rgba(0,0,0,.12)}label{display:block;margin:12px 0 4px}"
            + "input{font-size:1em;padding:6px;width:260px}button{font-size:1em;padding:7px 16px;margin-top:14px;"
            + "cursor:pointer}.error{background:#fde2e1;color:#8a1c1c;padding:8px 12px;border-radius:6px}"
            + ".note{background:#e4f2e7;padding:8px 12px;border-radius:6px}.avatars{display:flex;gap:14px;"
            + "flex-wrap:wrap}.avatars button{background:#fff;border:2px solid #ccc;border-radius:10px;"
            + "padding:8px;text-align:center}.avatars button.current{border-color:#2f7d32}"
            + "footer{max-width:640px;margin:0 auto;color:#666;font-size:.85em;padding:0 8px}"
            + ".profile{display:flex;gap:24px;align-items:center}";

    private Html() {
    }

    static void send(HttpServletRequest req, HttpServletResponse resp, int status, String title, String body)
            throws IOException {
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("text/html;charset=UTF-8");
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        resp.getWriter().write("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
                + "<meta name='viewport' content='width=device-width, initial-scale=1'>"
                + "<title>" + escape(title) + " - Avatar</title><style>" + STYLE + "</style></head><body>\n"
                + "<header><b>Avatar</b> &middot; a Steadfast example</header>\n<main>\n" + body + "\n</main>\n"
                + "<footer id='server'>Served by process " + ProcessHandle.current().pid() + ", started "
                + TIME.format(Instant.ofEpochMilli(started)) + ".</footer>\n</body></html>\n");
    }

    static String url(HttpServletRequest req, String path) {
        return escape(req.getContextPath() + path);
    }

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
