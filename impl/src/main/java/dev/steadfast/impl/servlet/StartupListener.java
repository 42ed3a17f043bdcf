package dev.steadfast.impl.servlet;

import dev.steadfast.impl.boot.Bootstrap;
import dev.steadfast.impl.boot.Deployment;
import dev.steadfast.impl.config.ContainerSessionPolicy;
import dev.steadfast.impl.faces.FacesDetection;
import dev.steadfast.impl.session.RejectionLog;
import dev.steadfast.impl.session.SessionRuntime;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;

import java.time.Clock;
import java.util.Set;

/**
 * Validates the application's configuration when its context starts and prepares its session machinery. An
 * exception here fails the context start on every container, so a bad configuration never takes traffic.
 */
final class StartupListener implements ServletContextListener {

    /** Servlet context attribute holding the validated {@link Deployment}. */
    public static final String DEPLOYMENT = Deployment.class.getName();

    /** Servlet context attribute holding the application's {@link SessionRuntime}. */
    public static final String RUNTIME = SessionRuntime.class.getName();

    /** Servlet context attribute holding the {@link ContainerSessionPolicy}. */
    public static final String CONTAINER_SESSIONS = ContainerSessionPolicy.class.getName();

    private final int sessionTimeout;
    private final SessionCookieConfig cookieConfig;
    private final ServletContext initializerContext;
    private final Set<String> servletsAtStartup;

    // A listener added by an initializer may not call getSessionTimeout(), getSessionCookieConfig() or
    // getServletRegistrations() (Servlet 4.4), so the initializer reads them and hands them over, with its own
    // context for a later look at the servlets (FacesDetection).
    StartupListener(int sessionTimeout, SessionCookieConfig cookieConfig, ServletContext initializerContext,
                    Set<String> servletsAtStartup) {
        this.sessionTimeout = sessionTimeout;
        this.cookieConfig = cookieConfig;
        this.initializerContext = initializerContext;
        this.servletsAtStartup = Set.copyOf(servletsAtStartup);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        runtime(ctx, sessionTimeout, cookieConfig,
                FacesDetection.facesMapped(ctx, initializerContext, servletsAtStartup));
    }

    /**
     * @param ctx            the application's context
     * @param sessionTimeout {@code ctx.getSessionTimeout()}
     * @param cookieConfig   {@code ctx.getSessionCookieConfig()}
     * @return its session machinery, validating the configuration on first use
     * @throws dev.steadfast.SteadfastConfigurationException when production mode refuses the configuration
     */
    static SessionRuntime runtime(ServletContext ctx, int sessionTimeout, SessionCookieConfig cookieConfig) {
        return runtime(ctx, sessionTimeout, cookieConfig, FacesDetection.facesMapped(ctx, null, Set.of()));
    }

    private static SessionRuntime runtime(ServletContext ctx, int sessionTimeout, SessionCookieConfig cookieConfig,
                                          boolean facesMapped) {
        synchronized (ctx) {
            SessionRuntime existing = (SessionRuntime) ctx.getAttribute(RUNTIME);
            if (existing != null) {
                return existing;
            }
            Deployment deployment = Bootstrap.start(ctx, sessionTimeout, cookieConfig, facesMapped);
            Clock clock = Clock.systemUTC();
            SessionRuntime runtime = new SessionRuntime(deployment.settings(), deployment.codec(), deployment.mode(),
                    clock, new RejectionLog(deployment.app(), clock), ctx);
            ctx.setAttribute(CONTAINER_SESSIONS, deployment.containerSessions());
            ctx.setAttribute(DEPLOYMENT, deployment);
            ctx.setAttribute(RUNTIME, runtime);
            return runtime;
        }
    }
}
