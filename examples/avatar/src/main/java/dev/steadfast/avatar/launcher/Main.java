package dev.steadfast.avatar.launcher;

import dev.steadfast.avatar.Pages;
import dev.steadfast.impl.servlet.SteadfastInitializer;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.webresources.StandardRoot;
import org.apache.jasper.servlet.JasperInitializer;
import org.apache.jasper.servlet.JspServlet;
import org.jboss.weld.environment.servlet.EnhancedListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs the avatar application on embedded Tomcat 10.1 with what a bare Tomcat lacks and a full Jakarta EE server
 * provides: Weld Servlet (CDI), SmallRye Config (MicroProfile Config) and Parsson (JSON-P); and Jasper with JSTL for
 * the JSPs, which an embedded Tomcat context does not set up by itself. Port {@code $PORT} (default 8080; 0 picks a
 * free one). Not part of the WAR.
 *
 * <p>The JSPs are read from {@code META-INF/resources/WEB-INF/jsp} in this jar, as a container reads a WEB-INF/lib
 * jar's resources, and Jasper compiles each on its first request into Tomcat's work folder in the temporary base
 * folder, with the Eclipse compiler it brings.
 *
 * <p>If the application does not start (in production mode Steadfast refuses a bad secret by failing the context),
 * the reasons are already logged; this class then stops Tomcat and exits with status 1 instead of serving nothing.
 */
public final class Main {

    static final int FAILED = 1;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s [%3$s] %5$s%6$s%n");
        }
        int port = port(System.getenv("PORT"));
        Path base = Files.createTempDirectory("steadfast-avatar-");
        Path docBase = Files.createDirectories(base.resolve("webapp"));

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(port);
        Connector connector = tomcat.getConnector();

        Context ctx = tomcat.addContext("", docBase.toString());
        ctx.setResources(pages(ctx));
        // A programmatic context is not scanned, so the initializers a full server would find are registered here:
        // Jasper (the JSP engine, and JSTL's tag libraries found on the class path), Weld (CDI boots), then
        // Steadfast (session filter, and the listener that fails the context in production when the configuration
        // is refused). The servlets are registered from their own @WebServlet annotations, the ones WildFly or
        // Payara read from the WAR; the JSP servlet as Tomcat's default web.xml declares it.
        ctx.addServletContainerInitializer(new JasperInitializer(), null);
        ctx.addServletContainerInitializer(new EnhancedListener(), null);
        ctx.addServletContainerInitializer(new SteadfastInitializer(), null);
        Wrapper jsp = Tomcat.addServlet(ctx, "jsp", new JspServlet());
        jsp.addInitParameter("fork", "false");
        jsp.addInitParameter("xpoweredBy", "false");
        // The pages are inside the jar and never change while it runs: compile each once, never check again.
        jsp.addInitParameter("development", "false");
        ctx.addServletMappingDecoded("*.jsp", "jsp");
        for (Class<? extends HttpServlet> type : Pages.SERVLETS) {
            WebServlet web = type.getAnnotation(WebServlet.class);
            Tomcat.addServlet(ctx, web.name(), type.getDeclaredConstructor().newInstance());
            for (String pattern : web.urlPatterns()) {
                ctx.addServletMappingDecoded(pattern, web.name());
            }
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(base), "steadfast-avatar-cleanup"));

        LifecycleException startFailure = null;
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            startFailure = e;
        }
        if (startFailure != null || ctx.getState() != LifecycleState.STARTED
                || connector.getState() != LifecycleState.STARTED) {
            System.err.println("Avatar example: the application did not start (context " + ctx.getState()
                    + ", connector " + connector.getState() + " on port " + port
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
        System.out.println("Avatar example listening on http://localhost:" + connector.getLocalPort() + "/");
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
        System.err.println("Avatar example: PORT must be a number from 0 to 65535, not '" + value + "'");
        System.exit(2);
        return -1;
    }

    /**
     * @return the context's resources: the (empty) document base, and over it {@code META-INF/resources} of the jar
     *         or classes folder this class was loaded from, which holds {@code WEB-INF/jsp/*.jsp}
     */
    private static WebResourceRoot pages(Context ctx) throws URISyntaxException {
        WebResourceRoot resources = new StandardRoot(ctx);
        Path self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // A jar resource set for the runnable jar; Tomcat makes it a directory resource set for a classes folder.
        resources.createWebResourceSet(WebResourceRoot.ResourceSetType.RESOURCE_JAR, "/", self.toString(), null,
                "/META-INF/resources");
        return resources;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory; nothing to do.
        }
    }
}
