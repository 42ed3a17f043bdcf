package dev.steadfast.impl.it.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Steadfast's session cookie out of responses, the way a browser would keep it, and takes it apart for
 * assertions (key id) and attacks (tampering).
 */
public final class SessionCookies {

    /** The cookie name over plain HTTP (not Secure), as the tests configure. */
    public static final String NAME = "steadfast";

    private static final Pattern KID = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]*)\"");

    private SessionCookies() {
    }

    /**
     * @param response a response
     * @return the {@code name=value} pair of the session cookie it sets, if it sets one that is not a deletion
     */
    public static Optional<String> issued(Http.Response response) {
        for (String header : response.setCookies()) {
            if (header.startsWith(NAME + "=") && !header.contains("Max-Age=0")) {
                return Optional.of(header.substring(0, header.indexOf(';') < 0 ? header.length()
                        : header.indexOf(';')));
            }
        }
        return Optional.empty();
    }

    /**
     * @param cookie a {@code name=value} pair
     * @return the key id in its JWS header
     */
    public static String keyId(String cookie) {
        String value = cookie.substring(cookie.indexOf('=') + 1);
        String header = new String(Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))),
                StandardCharsets.UTF_8);
        Matcher m = KID.matcher(header);
        if (!m.find()) {
            throw new AssertionError("no kid in header " + header);
        }
        return m.group(1);
    }

    /**
     * @param cookie a {@code name=value} pair
     * @return the same cookie with one character of the signed payload changed
     */
    public static String tampered(String cookie) {
        int dot = cookie.indexOf('.');
        int i = dot + 5;
        char c = cookie.charAt(i);
        return cookie.substring(0, i) + (c == 'A' ? 'B' : 'A') + cookie.substring(i + 1);
    }
}
