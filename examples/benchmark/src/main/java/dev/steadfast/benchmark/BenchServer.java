package dev.steadfast.benchmark;

import dev.steadfast.impl.servlet.SteadfastInitializer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.jboss.weld.environment.servlet.EnhancedListener;

/**
 * {@code BenchServer none|memory|steadfast|cookie}: embedded Tomcat 10.1 on 127.0.0.1, a free port (printed as
 * {@code PORT=n}), serving {@link BenchServlet} at {@code /bench} and {@link DiagServlet} at {@code /diag}.
 *
 * <p>Every variant runs Weld Servlet (CDI), as a Jakarta EE application would; only {@code steadfast} registers
 * {@link SteadfastInitializer}; all three run with two random 256-bit keys in production mode, because Steadfast's CDI
 * extension checks the configuration whenever its jar is present. Keep-alive connections are never
 * closed by the server (maxKeepAliveRequests=-1) so that the client measures requests, not TCP handshakes.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s [%3$s] %5$s%6$s%n");
        }
        String variant = args.length > 0 ? args[0] : "steadfast";
        BenchServlet.Kind kind = switch (variant) {
            case "none" -> BenchServlet.Kind.NONE;
            case "memory", "steadfast" -> BenchServlet.Kind.SESSION;
            case "cookie" -> BenchServlet.Kind.COOKIE;
            default -> throw new IllegalArgumentException("variant must be none, memory, steadfast or cookie: "
                    + variant);
        };
        // Every variant has Steadfast's jar on the class path, so its CDI extension validates the configuration at
        // boot in all three (and refuses to start without keys in production mode); only the steadfast variant
        // registers the initializer, and with it the session filter.
        {
            // Two keys (the primary signs, the second verifies), as after a rotation; random, never printed.
            System.setProperty("steadfast.mode", "production");
            System.setProperty("steadfast.keys", "k2,k1");
            System.setProperty("steadfast.key.k2.secret", randomSecret());
            System.setProperty("steadfast.key.k1.secret", randomSecret());
            // The benchmark talks plain HTTP on loopback.
            System.setProperty("steadfast.session.cookie.secure", "false");
        }
        Path base = Files.createTempDirectory("steadfast-bench-");
        Path docBase = Files.createDirectories(base.resolve("webapp"));

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        Connector connector = tomcat.getConnector();
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxKeepAliveRequests", "-1");

        Context ctx = tomcat.addContext("", docBase.toString());
        StandardManager manager = new StandardManager();
        manager.setPathname(null); // no SESSIONS.ser on stop
        ctx.setManager(manager);
        ctx.addServletContainerInitializer(new EnhancedListener(), null);
        if (variant.equals("steadfast")) {
            ctx.addServletContainerInitializer(new SteadfastInitializer(), null);
        }
        Tomcat.addServlet(ctx, "bench", new BenchServlet(kind));
        ctx.addServletMapping("/bench", "bench");
        Tomcat.addServlet(ctx, "diag", new DiagServlet(ctx.getManager()));
        ctx.addServletMapping("/diag", "diag");

        tomcat.start();
        if (!ctx.getState().isAvailable()) {
            System.err.println("context did not start: " + ctx.getState());
            System.exit(1);
        }
        System.out.println("VARIANT=" + variant);
        System.out.println("PORT=" + connector.getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }

    private static String randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * {@code GET /diag?gc=1}: runs a full GC (System.gc() until used heap stops falling, at most 5 times) and answers
     * {@code heapUsed=<bytes> heapCommitted=<bytes> containerSessions=<n>}.
     */
    static final class DiagServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Manager manager;

        DiagServlet(Manager manager) {
            this.manager = manager;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getParameter("gc") != null) {
                long previous = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) {
                    System.gc();
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    if (used >= previous - (previous >> 8)) {
                        break;
                    }
                    previous = used;
                }
            }
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write("heapUsed=" + heap.getUsed() + " heapCommitted=" + heap.getCommitted()
                    + " containerSessions=" + manager.getActiveSessions());
        }
    }
}
