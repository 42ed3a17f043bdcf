package dev.steadfast.impl.session;

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

    public CookieSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sameSite, "sameSite");
    }

    /**
     * @param value the cookie value
     * @return a {@code Set-Cookie} header value that sets the session cookie
     */
    public String setCookie(String value) {
        return setCookie(name, value);
    }

    /**
     * @param cookieName the name of the session cookie or one of its chunks
     * @param value      the cookie value
     * @return a {@code Set-Cookie} header value with this session cookie's attributes
     */
    public String setCookie(String cookieName, String value) {
        return header(cookieName, value, maxAge);
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
