package dev.steadfast.tck.support;

import java.util.Optional;

/**
 * Reads the session cookie out of responses the way a browser keeps it. The kit configures plain-HTTP deployments
 * with a non-Secure cookie, whose default name is {@value #NAME}.
 */
public final class SessionCookies {

    /** The default cookie name when the cookie is not Secure. */
    public static final String NAME = "steadfast";

    private SessionCookies() {
    }

    /** @return the {@code steadfast=value} pair the response sets, unless it is a deletion */
    public static Optional<String> issued(Http.Response response) {
        return issued(response, NAME);
    }

    /** @return the {@code name=value} pair the response sets for {@code name}, unless it is a deletion */
    public static Optional<String> issued(Http.Response response, String name) {
        return header(response, name).filter(h -> !h.contains("Max-Age=0"))
                .map(h -> h.indexOf(';') < 0 ? h : h.substring(0, h.indexOf(';')));
    }

    /** @return the whole {@code Set-Cookie} header for {@code name}, deletion or not */
    public static Optional<String> header(Http.Response response, String name) {
        return response.setCookies().stream().filter(h -> h.startsWith(name + "=")).findFirst();
    }

    /** @return the value of a {@code name=value} pair */
    public static String value(String pair) {
        return pair.substring(pair.indexOf('=') + 1);
    }

    /** @return the key id in the cookie's JWS header */
    public static String keyId(String pair) {
        return (String) Jws.parse(value(pair)).headerJson().get("kid");
    }
}
