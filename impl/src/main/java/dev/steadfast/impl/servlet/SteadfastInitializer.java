package dev.steadfast.impl.servlet;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.Set;

/**
 * The guaranteed path: every web application that carries Steadfast is validated, with or without CDI.
 *
 * <p>The check itself runs in a listener rather than here, because servlet containers call initializers in no
 * defined order and Weld Servlet boots CDI in its own initializer: by the time listeners run, the CDI extension has
 * reported what only it can see.
 */
public final class SteadfastInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        if (ctx.getAttribute(StartupListener.class.getName()) == null) {
            ctx.setAttribute(StartupListener.class.getName(), Boolean.TRUE);
            ctx.addListener(new StartupListener());
        }
    }
}
