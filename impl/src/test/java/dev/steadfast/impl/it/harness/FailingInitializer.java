package dev.steadfast.impl.it.harness;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Refuses to start the application the way Steadfast's own initializer does on a bad secret: it registers a
 * listener whose {@code contextInitialized} throws. Throwing from {@code onStartup} itself would not do: Open Liberty
 * logs an exception from an initializer (CWWWC0001W) and starts the application anyway, while every container here
 * refuses an application whose listener throws.
 */
public class FailingInitializer implements ServletContainerInitializer {

    public static final String MESSAGE = "HARNESS-STARTUP-FAILURE: refused on purpose";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                throw new IllegalStateException(MESSAGE);
            }
        });
    }
}
