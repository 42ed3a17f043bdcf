package dev.steadfast.impl.faces;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.net.MalformedURLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether Jakarta Faces serves an application: a FacesServlet registered in its context.
 *
 * <p>The servlets are read three ways because each can be unavailable: a listener added by an initializer may not
 * call {@code getServletRegistrations()} (Servlet 4.4), a container may refuse the initializer's own context object
 * too once listeners run, and the initializer's snapshot misses a FacesServlet that Faces' own initializer adds
 * after Steadfast's. When no live answer comes, Faces on the class
 * path with a {@code faces-config.xml} counts too, because Faces' initializer maps its servlet for such an
 * application.
 */
public final class FacesDetection {

    /** The Jakarta Faces servlet. */
    public static final String FACES_SERVLET = "jakarta.faces.webapp.FacesServlet";

    /** The Java EE 8 and older name, for applications that still use it. */
    public static final String JAVAX_FACES_SERVLET = "javax.faces.webapp.FacesServlet";

    private FacesDetection() {
    }

    /**
     * @param ctx the context, inside a container initializer
     * @return the class names of the servlets registered so far (web.xml, annotations, earlier initializers)
     */
    public static Set<String> snapshot(ServletContext ctx) {
        Set<String> names = servletClasses(ctx);
        return names == null ? Set.of() : names;
    }

    /**
     * @param live        the context as the listener sees it
     * @param initializer the context the initializer was given, or null
     * @param snapshot    the servlets registered when the initializer ran
     * @return whether a FacesServlet serves the application
     */
    public static boolean facesMapped(ServletContext live, ServletContext initializer, Set<String> snapshot) {
        Set<String> names = servletClasses(live);
        if (names == null && initializer != null) {
            names = servletClasses(initializer);
        }
        if (names != null) {
            return isFaces(names);
        }
        return isFaces(snapshot) || (loadable(live.getClassLoader(), FACES_SERVLET) && hasFacesConfig(live));
    }

    /**
     * @param servletClasses class names of registered servlets
     * @return whether one is a FacesServlet
     */
    public static boolean isFaces(Collection<String> servletClasses) {
        return servletClasses.contains(FACES_SERVLET) || servletClasses.contains(JAVAX_FACES_SERVLET);
    }

    // Null means "cannot tell from here", not "no servlets".
    private static Set<String> servletClasses(ServletContext ctx) {
        try {
            Map<String, ? extends ServletRegistration> registrations = ctx.getServletRegistrations();
            Set<String> names = new LinkedHashSet<>();
            registrations.values().forEach(r -> names.add(r.getClassName()));
            return names;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return null;
        }
    }

    private static boolean hasFacesConfig(ServletContext ctx) {
        try {
            return ctx.getResource("/WEB-INF/faces-config.xml") != null;
        } catch (MalformedURLException | RuntimeException e) {
            return false;
        }
    }

    static boolean loadable(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
