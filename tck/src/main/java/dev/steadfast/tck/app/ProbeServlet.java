package dev.steadfast.tck.app;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exercises {@code HttpSession} the way applications do, one operation per path under {@code /probe/}, and answers
 * in plain text that kit tests compare exactly. Uses the Servlet API only, so it runs unchanged on every container
 * and implementation. Operations that would leak a value into a message print only what the test needs.
 */
@WebServlet(urlPatterns = "/probe/*", asyncSupported = true)
public class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        res.setContentType("text/plain;charset=UTF-8");
        String op = req.getPathInfo() == null ? "/info" : req.getPathInfo();
        switch (op) {
            case "/info" -> info(req, res, false);
            case "/create" -> info(req, res, true);
            case "/set" -> {
                req.getSession().setAttribute(req.getParameter("name"),
                        typed(req.getParameter("type"), req.getParameter("value")));
                res.getWriter().print("ok");
            }
            case "/types" -> types(req, res);
            case "/append" -> {
                // In place, without setAttribute: the change must still reach the cookie.
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) req.getSession().getAttribute(req.getParameter("name"));
                list.add(req.getParameter("value"));
                res.getWriter().print("appended");
            }
            case "/unsupported" -> {
                try {
                    req.getSession().setAttribute("cart", new StringBuilder("unsupported-value-never-shown"));
                    res.getWriter().print("accepted");
                } catch (IllegalArgumentException e) {
                    res.getWriter().print("IAE: " + e.getMessage());
                }
            }
            case "/big" -> {
                try {
                    req.getSession().setAttribute("big", "x".repeat(Integer.parseInt(req.getParameter("size"))));
                    res.getWriter().print("accepted");
                } catch (IllegalStateException e) {
                    res.getWriter().print("ISE: " + e.getMessage());
                }
            }
            case "/change-id" -> {
                HttpSession session = req.getSession();
                String before = session.getId();
                String after = req.changeSessionId();
                res.getWriter().print(before + "->" + after + "=" + req.getSession().getId());
            }
            case "/invalidate" -> {
                HttpSession session = req.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                res.getWriter().print("bye");
            }
            case "/max" -> {
                req.getSession().setMaxInactiveInterval(Integer.parseInt(req.getParameter("seconds")));
                res.getWriter().print("max set");
            }
            case "/unstorable" -> {
                // Jakarta Faces' server-side state saving: an empty map passes setAttribute, then gets Object[] state.
                Map<String, Object> views = new LinkedHashMap<>();
                req.getSession().setAttribute("views", views);
                views.put("v1", new Object[] {"view-state-never-shown", 1});
                res.getWriter().print("rendered");
            }
            case "/throw" -> {
                req.getSession().setAttribute("thrown", "yes");
                throw new ServletException("the probe fails this request on purpose");
            }
            case "/encode" -> res.getWriter().print(res.encodeURL("next") + "|" + res.encodeRedirectURL("next"));
            case "/commit/flush" -> {
                req.getSession().setAttribute("path", "flush");
                PrintWriter w = res.getWriter();
                w.print("first ");
                w.flush();
                res.flushBuffer();
                w.print("second");
            }
            case "/commit/buffer" -> {
                res.setBufferSize(1024);
                req.getSession().setAttribute("path", "buffer");
                byte[] body = new byte[8192];
                Arrays.fill(body, (byte) 'x');
                res.getOutputStream().write(body);
            }
            case "/commit/length" -> {
                req.getSession().setAttribute("path", "length");
                res.setContentLength(5);
                res.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            }
            case "/commit/redirect" -> {
                req.getSession().setAttribute("path", "redirect");
                res.sendRedirect("info");
            }
            case "/commit/error" -> {
                req.getSession().setAttribute("path", "error");
                res.sendError(409);
            }
            case "/commit/reset" -> {
                req.getSession().setAttribute("path", "reset");
                res.setHeader("X-Discarded", "yes");
                res.reset();
                res.setContentType("text/plain;charset=UTF-8");
                res.getWriter().print("after reset");
            }
            case "/commit/async" -> {
                req.getSession().setAttribute("path", "async");
                AsyncContext async = req.startAsync();
                async.start(() -> {
                    try {
                        async.getResponse().getWriter().print("async done");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } finally {
                        async.complete();
                    }
                });
            }
            case "/late" -> {
                HttpSession session = req.getSession();
                res.getWriter().print("committed ");
                res.flushBuffer();
                try {
                    session.setAttribute("late", "too-late");
                    res.getWriter().print("late-accepted");
                } catch (IllegalStateException e) {
                    res.getWriter().print("late-refused");
                }
            }
            default -> res.sendError(404, "no probe operation " + op);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        doGet(req, res);
    }

    private static void info(HttpServletRequest req, HttpServletResponse res, boolean create) throws IOException {
        HttpSession session = req.getSession(create);
        PrintWriter w = res.getWriter();
        if (session == null) {
            w.print("none; requested=" + req.getRequestedSessionId());
            return;
        }
        TreeMap<String, Object> attributes = new TreeMap<>();
        Collections.list(session.getAttributeNames()).forEach(n -> attributes.put(n, session.getAttribute(n)));
        w.print("id=" + session.getId() + "; new=" + session.isNew() + "; requested=" + req.getRequestedSessionId()
                + "; max=" + session.getMaxInactiveInterval() + "; created=" + session.getCreationTime()
                + "; accessed=" + session.getLastAccessedTime() + "; attributes=" + attributes);
    }

    private static void types(HttpServletRequest req, HttpServletResponse res) throws IOException {
        HttpSession session = req.getSession(false);
        if (session == null) {
            res.getWriter().print("none");
            return;
        }
        TreeMap<String, String> out = new TreeMap<>();
        Collections.list(session.getAttributeNames()).forEach(n -> {
            Object v = session.getAttribute(n);
            out.put(n, (v == null ? "null" : v.getClass().getSimpleName()) + ":" + v);
        });
        res.getWriter().print(out);
    }

    private static Object typed(String type, String value) {
        return switch (type) {
            case "string" -> value;
            case "int" -> Integer.valueOf(value);
            case "long" -> Long.valueOf(value);
            case "double" -> Double.valueOf(value);
            case "decimal" -> new BigDecimal(value);
            case "bool" -> Boolean.valueOf(value);
            case "null" -> null;
            case "list" -> new ArrayList<Object>(List.of(value.split(",")));
            case "map" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String pair : value.split(",")) {
                    String[] kv = pair.split(":", 2);
                    m.put(kv[0], kv[1]);
                }
                yield m;
            }
            default -> throw new IllegalArgumentException("unknown probe type " + type);
        };
    }
}
