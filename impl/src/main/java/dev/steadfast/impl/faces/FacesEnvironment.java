package dev.steadfast.impl.faces;

import jakarta.servlet.ServletContext;

import java.util.Optional;
import java.util.function.Function;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What the Faces check may read about one application: whether Faces serves it, which implementation, its context
 * parameters and its JNDI environment. An interface of functions rather than a servlet context, so the judgement is
 * tested without a container or a naming service.
 *
 * @param facesMapped    whether a FacesServlet is registered (see {@link FacesDetection})
 * @param myFaces        whether the implementation is Apache MyFaces rather than Mojarra
 * @param initParameter  the context parameter of a name, or null
 * @param environment    the object bound at a JNDI name, or empty when nothing is bound or naming fails
 */
public record FacesEnvironment(boolean facesMapped, boolean myFaces, Function<String, String> initParameter,
                               Function<String, Optional<Object>> environment) {

    /** A class only MyFaces has; Mojarra is the default of WildFly, GlassFish and Payara. */
    static final String MYFACES_MARKER = "org.apache.myfaces.webapp.MyFacesContainerInitializer";

    /**
     * @param ctx         the application's context (its init parameters and class loader)
     * @param facesMapped from {@link FacesDetection#facesMapped}
     * @return the environment as the application sees it; JNDI is looked up in the calling thread, which must be
     *         the application's (as in {@code contextInitialized})
     */
    public static FacesEnvironment of(ServletContext ctx, boolean facesMapped) {
        return new FacesEnvironment(facesMapped, FacesDetection.loadable(ctx.getClassLoader(), MYFACES_MARKER),
                ctx::getInitParameter, FacesEnvironment::lookup);
    }

    // Defensive on purpose: a container without naming, or one that throws something odd, is the same as an
    // entry that is not set, and the check then says how to set it.
    private static Optional<Object> lookup(String name) {
        try {
            return Optional.ofNullable(new InitialContext().lookup(name));
        } catch (NamingException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
