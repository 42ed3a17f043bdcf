package dev.steadfast.impl.servlet;

import dev.steadfast.impl.faces.FacesDetection;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * The guaranteed path: every web application that carries Steadfast is validated, with or without CDI, and gets the
 * session filter.
 *
 * <p>The check runs in a listener rather than here, because containers call initializers in no defined order and
 * Weld Servlet boots CDI in its own initializer: by the time listeners run, the CDI extension has reported what only
 * it can see. The filter is mapped programmatically with {@code isMatchAfter=false} so that it runs before every
 * filter the application declares in web.xml, which a web-fragment ordering cannot guarantee.
 */
public final class SteadfastInitializer implements ServletContainerInitializer {

    /** Name under which the session filter is registered. */
    public static final String FILTER_NAME = "steadfast-session";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        if (ctx.getAttribute(StartupListener.class.getName()) != null) {
            return;
        }
        ctx.setAttribute(StartupListener.class.getName(), Boolean.TRUE);
        ctx.addListener(new StartupListener(ctx.getSessionTimeout(), ctx.getSessionCookieConfig(), ctx,
                FacesDetection.snapshot(ctx)));
        ctx.addListener(new ContainerSessionWatch(ctx.getContextPath().isEmpty() ? "/" : ctx.getContextPath()));
        // Null when the application already declares a filter of that name in web.xml: that declaration wins.
        FilterRegistration.Dynamic filter = ctx.addFilter(FILTER_NAME, SessionFilter.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        }
    }
}
