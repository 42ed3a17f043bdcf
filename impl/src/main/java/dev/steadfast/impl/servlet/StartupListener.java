package dev.steadfast.impl.servlet;

import dev.steadfast.Mode;
import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.impl.config.ApplicationProperties;
import dev.steadfast.impl.config.ContainerSessionPolicy;
import dev.steadfast.impl.config.Modes;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.faces.FacesCheck;
import dev.steadfast.impl.faces.FacesDetection;
import dev.steadfast.impl.faces.FacesEnvironment;
import dev.steadfast.impl.faces.FacesReport;
import dev.steadfast.impl.policy.DefaultSecretPolicy;
import dev.steadfast.impl.session.RejectionLog;
import dev.steadfast.impl.session.SessionRuntime;
import dev.steadfast.impl.session.SessionSettings;
import dev.steadfast.impl.validation.Applications;
import dev.steadfast.impl.validation.CdiSecrets;
import dev.steadfast.impl.validation.Deployment;
import dev.steadfast.impl.validation.DeploymentValidator;
import dev.steadfast.impl.validation.SessionBudget;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.SecretCandidate;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates the application's configuration when its context starts and prepares its session machinery. An
 * exception here fails the context start on every container, so a bad configuration never takes traffic.
 */
public final class StartupListener implements ServletContextListener {

    /** Servlet context attribute holding the validated {@link Deployment}. */
    public static final String DEPLOYMENT = Deployment.class.getName();

    /** Servlet context attribute holding the application's {@link SessionRuntime}. */
    public static final String RUNTIME = SessionRuntime.class.getName();

    /** Servlet context attribute holding the {@link ContainerSessionPolicy}. */
    public static final String CONTAINER_SESSIONS = ContainerSessionPolicy.class.getName();

    /** Id of the warning about a chunked budget near common request-header limits. */
    public static final String CHUNKED_BUDGET = "STEADFAST-2009";

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("dev.steadfast");

    /** Id of the message for a missing MicroProfile Config implementation. */
    public static final String NO_CONFIG = "STEADFAST-2005";

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
            PropertyLookup config = ApplicationProperties.withFallback(PropertyLookup.of(config(ctx.getClassLoader())),
                    ctx.getClassLoader(), ctx.getContextPath().isEmpty() ? "/" : ctx.getContextPath());
            String app = Applications.name(config, ctx.getContextPath());
            Mode mode = Modes.resolve(config, new ArrayList<>());
            List<Finding> settingsFindings = new ArrayList<>();
            SessionSettings settings = SessionSettings.resolve(config, mode, app, ctx.getContextPath(),
                    sessionTimeout, cookieConfig, settingsFindings);
            ctx.setAttribute(CONTAINER_SESSIONS, ContainerSessionPolicy.resolve(config, settingsFindings));
            FacesReport faces = FacesCheck.judge(FacesEnvironment.of(ctx, facesMapped));
            List<SecretCandidate> extra = new ArrayList<>(CdiSecrets.take(ctx.getClassLoader()));
            extra.addAll(faces.candidates());
            Deployment deployment = new DeploymentValidator(new DefaultSecretPolicy())
                    .validate(app, config, extra, settingsFindings, faces.problems(), Instant.now());
            if (settings.chunking() && settings.maxSize() > SessionSettings.CHUNKED_HEADER_WARNING) {
                LOG.warning(() -> CHUNKED_BUDGET + ": steadfast.session.max-size is " + settings.maxSize()
                        + " characters with chunking on; with the rest of a request's headers that can exceed what "
                        + "common servers and proxies accept (Tomcat and nginx: 8 KB by default), and such "
                        + "requests fail before reaching the application. Raise those limits or keep sessions small.");
            }
            SessionCodec codec = new JwsSessionCodec(deployment.keys(), settings.codecOptions());
            SessionBudget.check(codec, deployment.keys(), settings, config, Instant.now()).ifPresent(tooSmall -> {
                // Found only now that the keys are known; acted on like every other finding, by mode.
                if (deployment.mode() == Mode.PRODUCTION) {
                    SteadfastConfigurationException refused = new SteadfastConfigurationException(List.of(tooSmall));
                    LOG.severe(() -> "Deployment of " + app + " refused. " + refused.getMessage());
                    throw refused;
                }
                LOG.warning(() -> DeploymentValidator.DEV_FINDINGS + ": " + app + " runs in development mode; "
                        + "production would refuse it (1 problem):" + System.lineSeparator() + "  "
                        + tooSmall.message());
            });
            Clock clock = Clock.systemUTC();
            SessionRuntime runtime = new SessionRuntime(settings, codec, deployment.mode(), clock,
                    new RejectionLog(app, clock), ctx);
            ctx.setAttribute(DEPLOYMENT, deployment);
            ctx.setAttribute(RUNTIME, runtime);
            return runtime;
        }
    }

    private static Config config(ClassLoader loader) {
        try {
            return ConfigProvider.getConfig(loader);
        } catch (LinkageError | IllegalStateException e) {
            throw new IllegalStateException(NO_CONFIG + ": Steadfast reads its keys through MicroProfile Config, "
                    + "but no implementation is available (" + e.getClass().getSimpleName() + "). Fix: deploy on a "
                    + "server that provides MicroProfile Config (WildFly, Payara, Open Liberty), or add one to the "
                    + "WAR, e.g. io.smallrye.config:smallrye-config on Tomcat.", e);
        }
    }
}
