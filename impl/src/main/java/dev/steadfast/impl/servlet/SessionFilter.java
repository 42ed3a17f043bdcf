package dev.steadfast.impl.servlet;

import dev.steadfast.impl.session.LateChanges;
import dev.steadfast.impl.session.RequestSessionState;
import dev.steadfast.impl.session.SessionRuntime;
import dev.steadfast.impl.session.UnstorableAttributes;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
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
 * filters; one {@link RequestSessionState} serves all dispatches of a request in this application. A cross-context
 * include or forward into another application that has Steadfast gets that application's own session
 * ({@link CrossContext}).
 *
 * <p>A request that ends in an exception leaves the session cookie as it was, like a rolled-back transaction.
 */
public final class SessionFilter implements Filter {

    private SessionRuntime runtime;
    private LateChanges lateChanges;
    private UnstorableAttributes unstorable;
    private CrossContext crossContext;

    @Override
    public void init(FilterConfig config) throws ServletException {
        // Declared in web.xml without our initializer having run: validate now, failing the context the same way.
        jakarta.servlet.ServletContext ctx = config.getServletContext();
        runtime = StartupListener.runtime(ctx, ctx.getSessionTimeout(), ctx.getSessionCookieConfig());
        lateChanges = new LateChanges(runtime.settings().audience(), runtime.mode());
        unstorable = new UnstorableAttributes(runtime.settings().audience());
        crossContext = new CrossContext(ctx.getContextPath());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest request = (HttpServletRequest) req;
        SessionResponseWrapper response = crossContext.state(request);
        if (response != null) {
            chain.doFilter(new SessionRequestWrapper(request, response.session(), null), res);
            // An async dispatch that does not start another async cycle ends the request here.
            if (req.getDispatcherType() == DispatcherType.ASYNC
                    && !req.isAsyncStarted()) {
                response.finish();
            }
            // So does a forward (Servlet 9.4: the response is committed and closed before forward() returns), and
            // the container may close it underneath this filter's wrapper: Tomcat 11 finishes the unwrapped
            // response (suspendWrappedResponseAfterForward), so the cookie must be in before that.
            if (req.getDispatcherType() == DispatcherType.FORWARD
                    && !req.isAsyncStarted()) {
                response.finish();
            }
            return;
        }
        // An include or forward that has not passed this filter before comes from another application
        // (cross-context dispatch): this application gets its own session, from its own cookie.
        DispatcherType type = req.getDispatcherType();
        boolean fromAnotherApplication = type == DispatcherType.INCLUDE || type == DispatcherType.FORWARD;
        if (type == DispatcherType.FORWARD) {
            crossContext.commitOthers(request);
        }
        RequestSessionState session = new RequestSessionState(runtime, lateChanges, unstorable, cookieHeaders(request));
        if (type == DispatcherType.INCLUDE) {
            // An included page cannot set headers (Servlet 9.3), so it cannot write its cookie.
            session.readOnly();
        }
        response = new SessionResponseWrapper((HttpServletResponse) res, session);
        crossContext.enter(request, response);
        SessionRequestWrapper wrapped = new SessionRequestWrapper(request, session, response);
        try {
            // The including application owns the response and has already chosen a writer or a stream; a second
            // wrapper of ours around it would choose again (getWriter over its getOutputStream: an
            // IllegalStateException, a 500). An include writes no cookie, so it needs no commit detection.
            chain.doFilter(wrapped, type == DispatcherType.INCLUDE ? res : response);
        } finally {
            if (fromAnotherApplication && !wrapped.isAsyncStarted()) {
                // The caller goes on with the same request object; our state must not outlive our dispatch.
                crossContext.leave(request);
            }
        }
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
