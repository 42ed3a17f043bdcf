package dev.steadfast.impl.servlet;

import dev.steadfast.impl.config.ContainerSessionPolicy;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Notices when something creates a container session behind Steadfast's back (Weld's {@code @SessionScoped}
 * beans, container FORM login, a framework holding the original request) and says so once per cause, so that
 * lost state after a restart is never a mystery.
 */
final class ContainerSessionWatch implements HttpSessionListener {

    /** Id of the runtime warning. */
    static final String CONTAINER_SESSION = "STEADFAST-3004";

    private static final Logger LOG = Logger.getLogger("dev.steadfast");
    // Container and library frames: the cause is the first frame that is none of these. WildFly's session
    // management may sit in org.wildfly and Infinispan packages between Undertow and the application's call; Open
    // Liberty's in com.ibm.ws (its session observer was named as the cause before com.ibm. was listed).
    private static final String[] PLATFORM = {"java.", "javax.", "jakarta.", "jdk.", "sun.", "org.apache.",
        "org.jboss.", "org.wildfly.", "org.infinispan.", "io.undertow.", "org.glassfish.", "com.sun.", "fish.payara.",
        "org.eclipse.", "io.smallrye.", "com.ibm.", "io.openliberty.",
        "dev.steadfast.impl.servlet.SessionRequest", "dev.steadfast.impl.servlet.SessionFilter",
        "dev.steadfast.impl.session."};

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
        String cause = cause();
        if (reported.add(cause)) {
            LOG.warning(() -> CONTAINER_SESSION + ": " + app + " created a container HttpSession (first seen from "
                    + cause + "). Its state lives in this server's memory only, outside Steadfast's cookie: a "
                    + "restart or another instance loses it. Keep session state in HttpSession attributes reached "
                    + "through the request, or set steadfast.session.container-sessions=allow if this is intended. "
                    + "Logged once per cause.");
        }
    }

    // The first application frame on the stack names the code that asked for the container session.
    private static String cause() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            String cls = frame.getClassName();
            boolean platform = cls.equals(ContainerSessionWatch.class.getName());
            for (String prefix : PLATFORM) {
                if (cls.startsWith(prefix)) {
                    platform = true;
                    break;
                }
            }
            if (!platform) {
                return cls + "." + frame.getMethodName();
            }
        }
        return "the container or a framework (no application code on the stack)";
    }
}
