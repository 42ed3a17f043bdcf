package dev.steadfast.impl.servlet;

import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.policy.DefaultSecretPolicy;
import dev.steadfast.impl.validation.Applications;
import dev.steadfast.impl.validation.CdiSecrets;
import dev.steadfast.impl.validation.Deployment;
import dev.steadfast.impl.validation.DeploymentValidator;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.time.Instant;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates the application's secrets when its context starts; an exception here fails the context start on every
 * container, so a bad configuration never takes traffic.
 */
public final class StartupListener implements ServletContextListener {

    /** Servlet context attribute holding the validated {@link Deployment}. */
    public static final String DEPLOYMENT = Deployment.class.getName();

    /** Id of the message for a missing MicroProfile Config implementation. */
    public static final String NO_CONFIG = "STEADFAST-2005";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        PropertyLookup config = PropertyLookup.of(config(ctx.getClassLoader()));
        String app = Applications.name(config, ctx.getContextPath());
        Deployment deployment = new DeploymentValidator(new DefaultSecretPolicy())
                .validate(app, config, CdiSecrets.take(ctx.getClassLoader()), Instant.now());
        ctx.setAttribute(DEPLOYMENT, deployment);
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
