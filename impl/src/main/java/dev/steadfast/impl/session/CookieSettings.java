package dev.steadfast.impl.session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The session cookie's attributes, resolved once per application.
 *
 * @param name     cookie name
 * @param path     cookie path
 * @param domain   cookie domain, or null for a host-only cookie
 * @param secure   the Secure attribute
 * @param httpOnly the HttpOnly attribute
 * @param sameSite {@code Lax}, {@code Strict} or {@code None}
 * @param maxAge   Max-Age in seconds, or negative for a browser-session cookie
 */
public record CookieSettings(String name, String path, String domain, boolean secure, boolean httpOnly,
                             String sameSite, int maxAge) {

    /** IMF-fixdate (RFC 7231 section 7.1.1.1), the form RFC 6265 clients parse. */
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public CookieSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sameSite, "sameSite");
    }

    /**
     * @param value the cookie value
     * @param now   when the header is written, for {@code Expires}
     * @return a {@code Set-Cookie} header value that sets the session cookie
     */
    public String setCookie(String value, Instant now) {
        return setCookie(name, value, now);
    }

    /**
     * @param cookieName the name of the session cookie or one of its chunks
     * @param value      the cookie value
     * @param now        when the header is written, for {@code Expires}
     * @return a {@code Set-Cookie} header value with this session cookie's attributes
     */
    public String setCookie(String cookieName, String value, Instant now) {
        String header = header(cookieName, value, maxAge);
        // Max-Age alone is ignored by older clients and some proxies; RFC 6265 lets Max-Age win where both are read.
        return maxAge > 0 ? header + "; Expires=" + EXPIRES.format(now.plusSeconds(maxAge)) : header;
    }

    /**
     * @return a {@code Set-Cookie} header value that deletes the session cookie
     */
    public String expireCookie() {
        return expireCookie(name);
    }

    /**
     * @param cookieName the name of the session cookie or one of its chunks
     * @return a {@code Set-Cookie} header value that deletes it
     */
    public String expireCookie(String cookieName) {
        return header(cookieName, "", 0) + "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    }

    // Written by hand rather than through Cookie/addCookie so that SameSite and the other attributes come out the
    // same on every container.
    private String header(String cookieName, String value, int age) {
        StringBuilder sb = new StringBuilder(cookieName.length() + value.length() + 96);
        sb.append(cookieName).append('=').append(value).append("; Path=").append(path);
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        if (age >= 0) {
            sb.append("; Max-Age=").append(age);
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        return sb.append("; SameSite=").append(sameSite).toString();
    }
}
