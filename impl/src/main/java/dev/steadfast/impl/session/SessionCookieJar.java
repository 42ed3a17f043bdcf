package dev.steadfast.impl.session;

import jakarta.servlet.http.HttpServletResponse;

import java.time.Instant;
import java.util.List;

/**
 * One request's session cookies on the wire: read from its raw {@code Cookie} headers ({@link CookieHeader}, joined
 * from chunks by {@link CookieChunks}) and written back or expired as {@code Set-Cookie} headers with the
 * application's attributes ({@link CookieSettings}). The only place that knows the cookies' names and chunks.
 */
final class SessionCookieJar {

    private final CookieSettings cookie;
    private final boolean chunking;
    private final CookieChunks.Incoming incoming;

    /**
     * @param settings      the application's session settings
     * @param cookieHeaders the values of the request's {@code Cookie} headers, in order, or null
     */
    SessionCookieJar(SessionSettings settings, Iterable<String> cookieHeaders) {
        this.cookie = settings.cookie();
        this.chunking = settings.chunking();
        this.incoming = CookieChunks.read(cookieHeaders, cookie.name(), chunking);
    }

    /** @return the values to try in order; the first that verifies is the session */
    List<String> candidates() {
        return incoming.candidates();
    }

    /** @return whether any cookie of the session's name came with the request */
    boolean cookieSent() {
        return !incoming.candidates().isEmpty();
    }

    /**
     * Sets the session cookie, spread over chunks when chunking is on, and expires chunks a longer session left.
     *
     * @param response where to add the headers
     * @param value    the encoded session
     * @param now      the request's time, for {@code Expires}
     */
    void write(HttpServletResponse response, String value, Instant now) {
        if (!chunking) {
            response.addHeader("Set-Cookie", cookie.setCookie(value, now));
            return;
        }
        List<String> parts = CookieChunks.split(value);
        for (int i = 0; i < parts.size(); i++) {
            response.addHeader("Set-Cookie", cookie.setCookie(CookieChunks.name(cookie.name(), i), parts.get(i),
                    now));
        }
        // A session that shrank leaves chunks behind that would corrupt the next join.
        expireChunks(response, parts.size());
    }

    /**
     * Expires the session cookie, if the request sent one, and every chunk it sent.
     *
     * @param response where to add the headers
     */
    void expire(HttpServletResponse response) {
        if (cookieSent()) {
            response.addHeader("Set-Cookie", cookie.expireCookie());
        }
        expireChunks(response, 1);
    }

    private void expireChunks(HttpServletResponse response, int from) {
        for (int i : incoming.chunks().tailSet(Math.max(from, 1))) {
            response.addHeader("Set-Cookie", cookie.expireCookie(CookieChunks.name(cookie.name(), i)));
        }
    }
}
