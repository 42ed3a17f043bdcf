package dev.steadfast.impl.session;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.impl.codec.SessionSizing;
import dev.steadfast.impl.codec.UnstorableValueException;
import dev.steadfast.impl.message.Message;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The session of one request across all its dispatches: what the cookie said, the {@link CookieSession} handed to
 * the application, and the decision at commit whether and what to write back.
 *
 * <p>Rules: the first cookie of the session's name that verifies wins ({@link SessionCookieJar}), decoded when the
 * request first asks about its session, at the latest at commit (an untouched session is still renewed); a
 * rejected cookie, or one the {@link SessionHook} does not admit, is exactly no cookie; a
 * cookie whose key this instance does not know (a rolling rotation reached another instance first) is left alone
 * unless the application writes a session; an unchanged session is re-issued only when signed by an older key or
 * older than {@code renew-after}.
 */
public final class RequestSessionState {

    private final SessionRuntime runtime;
    private final SizeWatch size;
    private final LateChanges lateChanges;
    private final UnstorableAttributes unstorable;
    private final Instant now;
    private final SessionCookieJar cookies;
    private boolean decoded;
    private SessionData loaded;
    private boolean needsResign;
    private CookieSession session;
    private boolean idChanged;
    private boolean committed;
    private boolean readOnly;

    /**
     * @param runtime       the application's session machinery
     * @param lateChanges   where changes after commit are reported
     * @param unstorable    where values the cookie cannot hold, found at commit, are reported
     * @param cookieHeaders the values of the request's {@code Cookie} headers, in order, or null
     */
    public RequestSessionState(SessionRuntime runtime, LateChanges lateChanges, UnstorableAttributes unstorable,
                               Iterable<String> cookieHeaders) {
        this.runtime = runtime;
        this.size = new SizeWatch(SessionSizing.of(runtime.codec()));
        this.lateChanges = lateChanges;
        this.unstorable = unstorable;
        this.now = runtime.clock().instant();
        this.cookies = new SessionCookieJar(runtime.settings(), cookieHeaders);
    }

    private void decode() {
        if (decoded) {
            return;
        }
        decoded = true;
        for (String value : cookies.candidates()) {
            DecodeResult result = runtime.codec().decode(value);
            if (result instanceof DecodeResult.Valid valid) {
                if (runtime.hook().admit(valid)) {
                    loaded = valid.session();
                    needsResign = valid.needsResign();
                    break;
                }
            } else {
                runtime.rejections().record(((DecodeResult.Rejected) result).reason());
            }
        }
    }

    /**
     * @param create whether to create a session when there is none
     * @return the session, or null
     */
    public synchronized HttpSession get(boolean create) {
        decode();
        if (session != null && session.isValid()) {
            return session;
        }
        if (session == null && loaded != null) {
            session = new CookieSession(this, loaded.id(), loaded.creationTime().toEpochMilli(),
                    loaded.lastAccessedTime().toEpochMilli(), seconds(loaded.maxInactiveInterval()),
                    loaded.attributes(), false);
            return session;
        }
        if (!create) {
            return null;
        }
        // Not a lost change in an include: a JSP included from another application asks for a session by default.
        if (!readOnly) {
            beforeChange("getSession(true)");
        }
        long created = now.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        session = new CookieSession(this, SessionIds.next(), created, created,
                seconds(runtime.settings().idleTimeout()), Map.of(), true);
        idChanged = false;
        return session;
    }

    /** @return the id of the verified incoming session, or null when none came */
    public synchronized String requestedId() {
        decode();
        return loaded == null ? null : loaded.id();
    }

    /** @return whether the incoming session is still the request's session */
    public synchronized boolean requestedIdValid() {
        decode();
        return loaded != null && (session == null || session.isValid() && !idChanged
                && loaded.id().equals(session.getId()));
    }

    /**
     * @return the session's new id
     * @throws IllegalStateException when the request has no session
     */
    public synchronized String changeId() {
        HttpSession current = get(false);
        if (current == null) {
            throw new IllegalStateException("changeSessionId: the request has no session");
        }
        beforeChange("changeSessionId");
        String id = SessionIds.next();
        session.changeId(id);
        idChanged = true;
        size.forget();
        return id;
    }

    /**
     * Writes the session cookie if the session needs writing. Runs once, before the response commits; later changes
     * are reported as late.
     *
     * @param response the response to add the header to
     * @return false when the session was not written because it had outgrown its budget or holds a value the
     *         cookie cannot hold (put into a list or map after setAttribute); the previous cookie then stays
     */
    public synchronized boolean commit(HttpServletResponse response) {
        if (committed) {
            return true;
        }
        committed = true;
        decode();
        if (session == null && loaded != null) {
            // Untouched by the application, the session still rides along: re-sign it with the primary key, or
            // renew it, so rotation and idle expiry do not depend on which pages a user visits.
            get(false);
        }
        if (session == null) {
            return true;
        }
        String incomingId = loaded == null ? null : loaded.id();
        if (!session.isValid()) {
            runtime.hook().committing(incomingId, null);
            cookies.expire(response);
            return true;
        }
        if (!needsWrite()) {
            return true;
        }
        try {
            SessionData written = snapshot();
            String value = runtime.codec().encode(written);
            runtime.hook().committing(incomingId, written);
            cookies.write(response, value, now);
            return true;
        } catch (SessionTooLargeException e) {
            Message.TOO_LARGE_AT_COMMIT.log(runtime.settings().audience(), e.size(), e.limit(),
                    session.attributesView().keySet());
            return false;
        } catch (IllegalArgumentException e) {
            // Nothing was added to the response: the value is encoded whole before any header is set.
            UnstorableValueException located = locate(e);
            unstorable.report(located);
            return false;
        }
    }

    /**
     * Which attribute the codec could not encode. Steadfast's codec says so itself; another codec's exception is
     * matched against Steadfast's attribute check, and rethrown when no attribute is at fault (a bug, not data).
     */
    private UnstorableValueException locate(IllegalArgumentException e) {
        if (e instanceof UnstorableValueException located) {
            return located;
        }
        for (Map.Entry<String, Object> attribute : session.attributesView().entrySet()) {
            try {
                size.checkValue(attribute.getKey(), attribute.getValue());
            } catch (UnstorableValueException located) {
                return located;
            }
        }
        throw e;
    }

    /**
     * An include from another application cannot set headers (Servlet 9.3): the session can be read, one created
     * here lives for the include only, and any change is reported as one that cannot reach the cookie.
     */
    public synchronized void readOnly() {
        readOnly = true;
        committed = true;
    }

    /** The response was reset: its headers, and so the cookie, are gone and must be written again. */
    public synchronized void responseReset() {
        if (!readOnly) {
            committed = false;
        }
    }

    synchronized boolean isCommitted() {
        return committed;
    }

    ServletContext context() {
        return runtime.context();
    }

    void beforeChange(String cause) {
        if (committed) {
            lateChanges.report(readOnly ? cause + " in an include from another application" : cause);
        }
    }

    void checkValue(String name, Object value) {
        size.checkValue(name, value);
    }

    /** Size changes other than an attribute set: the next check measures the whole session again. */
    void forgetSize() {
        size.forget();
    }

    void checkSize(String name) {
        size.afterSet(name, session.getId(), session.attributesView(), this::snapshot);
    }

    private boolean needsWrite() {
        if (session.isNew() || idChanged || needsResign || loaded == null) {
            return true;
        }
        if (session.getMaxInactiveInterval() != seconds(loaded.maxInactiveInterval())) {
            return true;
        }
        if (!session.attributesUnchanged()) {
            return true;
        }
        // "More than renew-after since it was issued", in the whole seconds the cookie records: comparing a
        // second-truncated iat with the precise now (and with >=) renewed up to a second early, so a renew-after of
        // 1s could re-issue the cookie on the very next request.
        long issuedSecondsAgo = now.getEpochSecond() - loaded.lastAccessedTime().getEpochSecond();
        return issuedSecondsAgo > runtime.settings().renewAfter().getSeconds();
    }

    private SessionData snapshot() {
        Instant created = Instant.ofEpochMilli(session.getCreationTime());
        Instant accessed = now.truncatedTo(ChronoUnit.SECONDS);
        // A cookie from an instance whose clock runs ahead (within the clock leeway) was created "after" this
        // instance's now; writing it back with the earlier time made encode throw, and the request answer 500.
        if (accessed.isBefore(created)) {
            accessed = created;
        }
        return SessionData.builder().id(session.getId())
                .creationTime(created)
                .lastAccessedTime(accessed)
                .maxInactiveInterval(Duration.ofSeconds(session.getMaxInactiveInterval()))
                .attributes(session.attributesView())
                .build();
    }

    private static int seconds(Duration d) {
        long s = d.getSeconds();
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    /** @return whether any cookie of the session's name came with the request */
    public synchronized boolean cookieSent() {
        return cookies.cookieSent();
    }

    /**
     * @return the rejection reasons are counted in the runtime; this tells whether a session was verified
     */
    public synchronized boolean verified() {
        decode();
        return loaded != null;
    }
}
