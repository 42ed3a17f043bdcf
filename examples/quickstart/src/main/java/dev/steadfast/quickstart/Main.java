package dev.steadfast.quickstart;

import dev.steadfast.impl.servlet.SteadfastInitializer;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.jboss.weld.environment.servlet.EnhancedListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the quickstart: embedded Tomcat 10.1 with Weld Servlet (CDI), SmallRye Config (MicroProfile Config),
 * Parsson (JSON-P) and Steadfast, on port {@code $PORT} (default 8080; 0 picks a free one).
 *
 * <p>If the application does not start (in production mode, Steadfast refuses a bad secret by failing the context),
 * the reasons are already logged to stderr; this class then stops Tomcat and exits with status 1 instead of serving
 * nothing, which is what embedded Tomcat would otherwise do.
 */
public final class Main {

    /** Exit status when the application did not start. */
    static final int FAILED = 1;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // One line per log record (java.util.logging's default takes two); -D on the command line still wins.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s [%3$s] %5$s%6$s%n");
        }
        int port = port(System.getenv("PORT"));
        Path base = Files.createTempDirectory("steadfast-quickstart-");
        Path docBase = Files.createDirectories(base.resolve("webapp"));

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(port);
        Connector connector = tomcat.getConnector();

        Context ctx = tomcat.addContext("", docBase.toString());
        // A programmatic context is not scanned for ServletContainerInitializers, so the two this application
        // relies on are registered here, in this order: Weld first (CDI boots, Steadfast's CDI extension sees the
        // @Secret injection points), then Steadfast (adds the session filter and the listener that validates the
        // configuration and fails the context in production when it is refused).
        ctx.addServletContainerInitializer(new EnhancedListener(), null);
        ctx.addServletContainerInitializer(new SteadfastInitializer(), null);

        Tomcat.addServlet(ctx, "home", new HomeServlet());
        ctx.addServletMapping("", "home");
        Tomcat.addServlet(ctx, "count", new CountServlet());
        ctx.addServletMapping("/count", "count");
        Tomcat.addServlet(ctx, "logout", new LogoutServlet());
        ctx.addServletMapping("/logout", "logout");

        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(base), "steadfast-quickstart-cleanup"));

        LifecycleException startFailure = null;
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            startFailure = e;
        }
        if (startFailure != null || ctx.getState() != LifecycleState.STARTED
                || connector.getState() != LifecycleState.STARTED) {
            System.err.println("Steadfast quickstart: the application did not start (context "
                    + ctx.getState() + ", connector " + connector.getState() + " on port " + port
                    + "). The reasons are logged above. Exiting with status " + FAILED + ".");
            System.err.flush();
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException | RuntimeException e) {
                // Exiting anyway.
            }
            System.exit(FAILED);
        }
        System.out.println("Steadfast quickstart listening on http://localhost:" + connector.getLocalPort() + "/");
        System.out.flush();
        tomcat.getServer().await();
    }

    static int port(String value) {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        System.err.println("Steadfast quickstart: PORT must be a number from 0 to 65535, not '" + value + "'");
        System.exit(2);
        return -1;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory; nothing to do.
        }
    }
}
