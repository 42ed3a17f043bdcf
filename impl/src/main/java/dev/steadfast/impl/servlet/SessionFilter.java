package dev.steadfast.impl.servlet;

import dev.steadfast.impl.session.LateChanges;
import dev.steadfast.impl.session.RequestSessionState;
import dev.steadfast.impl.session.SessionRuntime;
import dev.steadfast.impl.session.UnstorableAttributes;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Keeps {@code HttpSession} in a signed cookie. Registered for every dispatcher type ahead of the application's own
 * filters; one {@link RequestSessionState} serves all dispatches of a request.
 *
 * <p>A request that ends in an exception leaves the session cookie as it was, like a rolled-back transaction.
 */
public final class SessionFilter implements Filter {

    /** The request attribute that carries a request's session state across its dispatches. */
    private static final String RESPONSE = SessionResponseWrapper.class.getName();

    private SessionRuntime runtime;
    private LateChanges lateChanges;
    private UnstorableAttributes unstorable;

    @Override
    public void init(FilterConfig config) throws ServletException {
        // Declared in web.xml without our initializer having run: validate now, failing the context the same way.
        jakarta.servlet.ServletContext ctx = config.getServletContext();
        runtime = StartupListener.runtime(ctx, ctx.getSessionTimeout(), ctx.getSessionCookieConfig());
        lateChanges = new LateChanges(runtime.settings().audience(), runtime.mode());
        unstorable = new UnstorableAttributes(runtime.settings().audience());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest request = (HttpServletRequest) req;
        SessionResponseWrapper response = (SessionResponseWrapper) request.getAttribute(RESPONSE);
        if (response != null) {
            chain.doFilter(new SessionRequestWrapper(request, response.session(), null), res);
            // An async dispatch that does not start another async cycle ends the request here.
            if (req.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC
                    && !req.isAsyncStarted()) {
                response.finish();
            }
            // So does a forward (Servlet 9.4: the response is committed and closed before forward() returns), and
            // the container may close it underneath this filter's wrapper: Tomcat 11 finishes the unwrapped
            // response (suspendWrappedResponseAfterForward), so the cookie must be in before that.
            if (req.getDispatcherType() == jakarta.servlet.DispatcherType.FORWARD
                    && !req.isAsyncStarted()) {
                response.finish();
            }
            return;
        }
        RequestSessionState session = new RequestSessionState(runtime, lateChanges, unstorable, cookieHeaders(request));
        response = new SessionResponseWrapper((HttpServletResponse) res, session);
        // One attribute, not two: every setAttribute runs the container's attribute listeners.
        request.setAttribute(RESPONSE, response);
        SessionRequestWrapper wrapped = new SessionRequestWrapper(request, session, response);
        chain.doFilter(wrapped, response);
        if (wrapped.isAsyncStarted()) {
            try {
                wrapped.getAsyncContext().addListener(new CommitOnTimeout(response));
            } catch (IllegalStateException e) {
                // The async work finished on its own thread between the two calls (Undertow: "Async not started",
                // seen under load): complete() committed through SessionAsyncContext, and a dispatch comes back
                // through this filter, so there is nothing left to listen for.
            }
        } else {
            response.finish();
        }
    }

    /**
     * The raw {@code Cookie} headers, because {@code getCookies()} keeps one cookie per name on some containers
     * (Undertow) and several cookies of the session's name must all be tried. A container that hides headers
     * (getHeaders may return null) still gets its parsed cookies, written back as pairs.
     */
    static List<String> cookieHeaders(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("Cookie");
        if (headers != null) {
            return Collections.list(headers);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return List.of();
        }
        StringBuilder pairs = new StringBuilder();
        for (Cookie c : cookies) {
            pairs.append(pairs.length() == 0 ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        }
        return List.of(pairs.toString());
    }

    /** A timed-out or failed async request is about to get an error response: the cookie goes first. */
    private static final class CommitOnTimeout implements AsyncListener {
        private final SessionResponseWrapper response;

        CommitOnTimeout(SessionResponseWrapper response) {
            this.response = response;
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            response.commitSession();
        }

        @Override
        public void onError(AsyncEvent event) {
            response.commitSession();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // Committed by SessionAsyncContext.complete() or the final async dispatch.
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
