package dev.steadfast.impl.servlet;

import dev.steadfast.impl.session.RequestSessionState;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * Routes every session call of the application to the cookie-backed session, so the container's own session is
 * never created behind Steadfast's back.
 */
final class SessionRequestWrapper extends HttpServletRequestWrapper {

    private final RequestSessionState session;
    private final SessionResponseWrapper response;

    SessionRequestWrapper(HttpServletRequest request, RequestSessionState session, SessionResponseWrapper response) {
        super(request);
        this.session = session;
        this.response = response;
    }

    @Override
    public HttpSession getSession(boolean create) {
        return session.get(create);
    }

    @Override
    public HttpSession getSession() {
        return session.get(true);
    }

    @Override
    public String changeSessionId() {
        return session.changeId();
    }

    @Override
    public String getRequestedSessionId() {
        return session.requestedId();
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return session.requestedIdValid();
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return session.requestedId() != null;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    // The no-argument form would hand the async code the container's unwrapped response, whose writes bypass the
    // commit hooks: pass the wrappers explicitly instead.
    @Override
    public AsyncContext startAsync() {
        return response == null ? super.startAsync() : wrap(super.startAsync(this, response));
    }

    @Override
    public AsyncContext getAsyncContext() {
        return wrap(super.getAsyncContext());
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        return wrap(super.startAsync(request, response));
    }

    private AsyncContext wrap(AsyncContext ctx) {
        return response == null ? ctx : new SessionAsyncContext(ctx, response);
    }
}
