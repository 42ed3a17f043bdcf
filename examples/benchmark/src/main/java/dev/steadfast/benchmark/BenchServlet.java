package dev.steadfast.benchmark;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /bench}: the same code in every variant. With sessions it fills a new session with about 1 KB of
 * attributes (the session of the codec benchmark: 896 bytes of JSON), then on every request reads the cart and the
 * counter and writes the counter and a timestamp, answering {@code count=N items=M}. Without sessions it builds the
 * same attributes locally and answers {@code count=0 items=M}. With an opaque cookie ({@link Kind#COOKIE}) it builds
 * them locally too, and carries the counter in a cookie of a Steadfast cookie's length, unsigned: the floor of any
 * session kept in a cookie, what moving it through the container costs without any codec.
 */
public final class BenchServlet extends HttpServlet {

    /** What the servlet keeps its counter in. */
    enum Kind { NONE, SESSION, COOKIE }

    /** The Steadfast cookie's length for this session (docs/performance.md), padding included. */
    static final int COOKIE_LENGTH = 1315;
    private static final String COOKIE_NAME = "bench";

    private static final long serialVersionUID = 1L;
    private final Kind kind;

    BenchServlet(Kind kind) {
        this.kind = kind;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int count;
        int items;
        if (kind == Kind.COOKIE) {
            items = cart().size();
            count = cookieCount(req.getHeader("Cookie")) + 1;
            String value = "c" + count + ".";
            resp.addHeader("Set-Cookie", COOKIE_NAME + "=" + value + "x".repeat(COOKIE_LENGTH - value.length())
                    + "; Path=/; HttpOnly; SameSite=Lax");
        } else if (kind == Kind.SESSION) {
            HttpSession session = req.getSession();
            if (session.getAttribute("cart") == null) {
                fill(session);
            }
            items = ((List<?>) session.getAttribute("cart")).size();
            Integer previous = (Integer) session.getAttribute("count");
            count = previous == null ? 1 : previous + 1;
            session.setAttribute("count", count);
            session.setAttribute("lastSeen", System.currentTimeMillis());
        } else {
            items = cart().size();
            count = 0;
        }
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write("count=" + count + " items=" + items);
    }

    /** The counter in {@code bench=c<count>.xxx}, read from the raw header as Steadfast reads its cookie; 0 if none. */
    private static int cookieCount(String header) {
        if (header == null) {
            return 0;
        }
        int at = header.indexOf(COOKIE_NAME + "=c");
        if (at < 0) {
            return 0;
        }
        int from = at + COOKIE_NAME.length() + 2;
        int to = header.indexOf('.', from);
        return to < 0 ? 0 : Integer.parseInt(header, from, to, 10);
    }

    private static void fill(HttpSession session) {
        session.setAttribute("user", "alice@example.com");
        session.setAttribute("roles", List.of("customer", "newsletter", "beta"));
        session.setAttribute("loginAt", 1_893_455_400_000L);
        session.setAttribute("locale", "en-GB");
        session.setAttribute("csrf", "b5cf1f3c9d8e4a7b2c6d0e1f3a5b7c9d");
        session.setAttribute("cart", cart());
        session.setAttribute("flags", Map.of("darkMode", true));
    }

    private static List<Object> cart() {
        List<Object> cart = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", "SKU-" + (100_000 + i));
            line.put("qty", i + 1);
            line.put("price", new BigDecimal("19.9" + i));
            line.put("weight", 0.25 * i + 0.5);
            cart.add(line);
        }
        return cart;
    }
}
