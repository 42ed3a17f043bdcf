package dev.steadfast.impl.servlet;

import dev.steadfast.impl.config.ContainerSessionPolicy;
import dev.steadfast.impl.message.Message;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices when something creates a container session behind Steadfast's back (Weld's {@code @SessionScoped}
 * beans, container FORM login, a framework holding the original request) and says so once per cause, so that
 * lost state after a restart is never a mystery.
 */
final class ContainerSessionWatch implements HttpSessionListener {

    // Frameworks that create a container session for their own state: named as the cause, with their own fix, when
    // one of their frames is the innermost that is not the platform's. Checked before PLATFORM, whose broader
    // prefixes (com.sun., org.apache., org.jboss.) hold them: on WildFly, with Faces' frames counted as platform,
    // the cause named was the worker thread's outermost frame.
    private static final String[] FACES = {"com.sun.faces.", "org.apache.myfaces."};
    private static final String[] CDI = {"org.jboss.weld.", "org.apache.webbeans."};
    // Container and library frames: the cause is the first frame that is none of these. WildFly's session
    // management may sit in org.wildfly and Infinispan packages between Undertow and the application's call, and
    // its worker threads start in org.xnio (named as the cause before org.xnio. was listed); Open Liberty's in
    // com.ibm.ws (its session observer was named as the cause before com.ibm. was listed).
    private static final String[] PLATFORM = {"java.", "javax.", "jakarta.", "jdk.", "sun.", "org.apache.",
        "org.jboss.", "org.wildfly.", "org.infinispan.", "org.xnio.", "io.undertow.", "org.glassfish.", "com.sun.",
        "fish.payara.", "org.eclipse.", "io.smallrye.", "com.ibm.", "io.openliberty.", "dev.steadfast.impl."};

    private static final String FIX = "Keep session state in HttpSession attributes reached through the request, "
            + "or set steadfast.session.container-sessions=allow if this is intended.";
    private static final String FACES_FIX = "Set the context parameter jakarta.faces.STATE_SAVING_METHOD to client "
            + "(then keep view state out of the session), or set steadfast.session.container-sessions=allow if this "
            + "is intended.";
    private static final String CDI_FIX = "Replace @SessionScoped beans (" + Message.SESSION_SCOPED.id()
            + " names them at deployment) "
            + "with @RequestScoped beans that keep their state in HttpSession attributes, or set "
            + "steadfast.session.container-sessions=allow if this is intended.";

    private final String app;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    ContainerSessionWatch(String app) {
        this.app = app;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        Object policy = event.getSession().getServletContext().getAttribute(StartupListener.CONTAINER_SESSIONS);
        if (policy == ContainerSessionPolicy.ALLOW) {
            return;
        }
        Cause cause = cause(Thread.currentThread().getStackTrace());
        if (reported.add(cause.text())) {
            Message.CONTAINER_SESSION.log(app, cause.text(), cause.fix());
        }
    }

    static String message(String app, Cause cause) {
        return Message.CONTAINER_SESSION.format(app, cause.text(), cause.fix());
    }

    /**
     * What created the session, from the stack of its creation: the innermost frame that is not the platform's (the
     * container, its libraries, Steadfast), told apart as the application's own code, Jakarta Faces or CDI.
     *
     * @param stack the stack, innermost frame first
     * @return the cause and its fix
     */
    static Cause cause(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            String where = cls + "." + frame.getMethodName();
            if (startsWithAny(cls, FACES)) {
                return new Cause(where + ": created by Jakarta Faces for its view state", FACES_FIX);
            }
            // CDI frames are also on the stack of every call through a bean's proxy, into code that may reach the
            // container's request itself; only the session context's own frames (Weld's HttpSessionContextImpl and
            // LazySessionBeanStore, OpenWebBeans' session context methods) mean a @SessionScoped bean.
            if (startsWithAny(cls, CDI) && (cls.contains("Session") || frame.getMethodName().contains("Session"))) {
                return new Cause(where + ": created by CDI for a @SessionScoped bean", CDI_FIX);
            }
            if (!startsWithAny(cls, PLATFORM)) {
                return new Cause(where, FIX);
            }
        }
        return new Cause("the container or a framework (no application code on the stack)", FIX);
    }

    private static boolean startsWithAny(String cls, String[] prefixes) {
        for (String prefix : prefixes) {
            if (cls.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param text what created the session, as the message names it; also what it is reported once for
     * @param fix  what to do about it
     */
    record Cause(String text, String fix) {
    }
}
