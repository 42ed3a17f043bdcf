package dev.steadfast.impl.session;

import dev.steadfast.Mode;
import dev.steadfast.SteadfastProperties;
import dev.steadfast.codec.CodecOptions;
import dev.steadfast.impl.config.ConfigEntry;
import dev.steadfast.impl.config.PropertyReader;
import dev.steadfast.impl.config.RejectedValue;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;

import jakarta.servlet.SessionCookieConfig;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a session filter needs to know about one application, resolved once at startup: Steadfast's
 * properties first, then the application's {@code <session-config>} and {@link SessionCookieConfig} (name, Secure,
 * HttpOnly, SameSite, path, domain, max-age), then defaults.
 *
 * @param audience        the audience sessions carry
 * @param idleTimeout     default max inactive interval; zero means sessions never expire from idleness
 * @param absoluteTimeout longest life of a session
 * @param clockLeeway     leeway for time checks
 * @param renewAfter      age after which an unchanged session's cookie is re-issued
 * @param maxSize         largest encoded session
 * @param chunking        whether a session may span several cookies
 * @param cookie          the cookie's attributes
 * @param format          the format sessions are written in ({@code jws} or {@code jwe}); both are read
 */
public record SessionSettings(String audience, Duration idleTimeout, Duration absoluteTimeout, Duration clockLeeway,
                              Duration renewAfter, int maxSize, boolean chunking, CookieSettings cookie,
                              String format) {

    /**
     * Settings of the default format, {@code jws}.
     *
     * @param audience        the audience sessions carry
     * @param idleTimeout     default max inactive interval
     * @param absoluteTimeout longest life of a session
     * @param clockLeeway     leeway for time checks
     * @param renewAfter      age after which an unchanged session's cookie is re-issued
     * @param maxSize         largest encoded session
     * @param chunking        whether a session may span several cookies
     * @param cookie          the cookie's attributes
     */
    public SessionSettings(String audience, Duration idleTimeout, Duration absoluteTimeout, Duration clockLeeway,
                           Duration renewAfter, int maxSize, boolean chunking, CookieSettings cookie) {
        this(audience, idleTimeout, absoluteTimeout, clockLeeway, renewAfter, maxSize, chunking, cookie,
                CodecOptions.DEFAULT_FORMAT);
    }

    /** Above this many characters in all, chunked cookies approach the 8 KB request-header limit of common servers. */
    public static final int CHUNKED_HEADER_WARNING = 7000;

    /**
     * @param config                  where to read Steadfast's properties; receives problems with them
     * @param mode                    the mode, for the Secure default
     * @param audience                the application's audience
     * @param contextPath             the servlet context path
     * @param sessionTimeoutMinutes   {@code ServletContext.getSessionTimeout()}; containers report 30 when the
     *                                application sets none
     * @param cookieConfig            the application's session cookie configuration, or null
     * @return the settings; invalid values fall back to defaults, with a finding
     */
    public static SessionSettings resolve(PropertyReader config, Mode mode, String audience, String contextPath,
                                          int sessionTimeoutMinutes, SessionCookieConfig cookieConfig) {
        // Servlet semantics: a session timeout of zero or less means sessions never expire from idleness.
        Duration containerIdle = sessionTimeoutMinutes > 0 ? Duration.ofMinutes(sessionTimeoutMinutes)
                : Duration.ZERO;
        Duration idle = config.duration(SteadfastProperties.SESSION_IDLE_TIMEOUT, containerIdle);
        Duration absolute = config.duration(SteadfastProperties.SESSION_ABSOLUTE_TIMEOUT,
                CodecOptions.DEFAULT_ABSOLUTE_TIMEOUT);
        Duration leeway = config.duration(SteadfastProperties.SESSION_CLOCK_LEEWAY, CodecOptions.DEFAULT_CLOCK_LEEWAY);
        Duration renewBase = idle.isZero() ? absolute : idle;
        Duration renew = config.duration(SteadfastProperties.SESSION_RENEW_AFTER, renewBase.dividedBy(10));
        int maxSize = config.integer(SteadfastProperties.SESSION_MAX_SIZE, CodecOptions.DEFAULT_MAX_SIZE,
                CodecOptions.MIN_MAX_SIZE, "set a number of characters such as " + CodecOptions.DEFAULT_MAX_SIZE);
        boolean chunking = config.bool(SteadfastProperties.SESSION_CHUNKING, false);
        if (!chunking && maxSize > CookieChunks.CHUNK_SIZE) {
            // Browsers drop a cookie over 4 KB without a word: the session would vanish, not fail.
            config.report(new Finding(Rule.INVALID_VALUE, SteadfastProperties.SESSION_MAX_SIZE,
                    config.sourceOf(SteadfastProperties.SESSION_MAX_SIZE), "is " + maxSize
                    + ", more than one cookie holds (" + CookieChunks.CHUNK_SIZE + " characters)",
                    "set " + SteadfastProperties.SESSION_CHUNKING + "=true to spread larger sessions over several "
                            + "cookies, or lower the limit"));
        }

        boolean secure = config.bool(SteadfastProperties.SESSION_COOKIE_SECURE,
                cookieConfig != null && cookieConfig.isSecure() || mode == Mode.PRODUCTION);
        boolean httpOnly = config.bool(SteadfastProperties.SESSION_COOKIE_HTTP_ONLY,
                !applicationTurnedOffHttpOnly(cookieConfig));
        String path = config.get(SteadfastProperties.SESSION_COOKIE_PATH).map(ConfigEntry::value)
                .or(() -> Optional.ofNullable(applicationCookiePath(cookieConfig)))
                .orElse(contextPath == null || contextPath.isEmpty() ? "/" : contextPath);
        String domain = config.get(SteadfastProperties.SESSION_COOKIE_DOMAIN).map(ConfigEntry::value)
                .or(() -> Optional.ofNullable(cookieConfig == null ? null : blankToNull(cookieConfig.getDomain())))
                .orElse(null);
        String sameSite = sameSite(config, cookieConfig, secure);
        String defaultName = secure ? ("/".equals(path) && domain == null ? "__Host-steadfast" : "__Secure-steadfast")
                : "steadfast";
        String name = config.get(SteadfastProperties.SESSION_COOKIE_NAME).map(ConfigEntry::value)
                .or(() -> Optional.ofNullable(applicationCookieName(cookieConfig)))
                .orElse(defaultName);
        int maxAge = cookieConfig == null ? -1 : cookieConfig.getMaxAge();
        String format = config.parsed(SteadfastProperties.SESSION_FORMAT, CodecOptions.DEFAULT_FORMAT,
                RejectedValue::of, Rule.INVALID_VALUE,
                v -> CodecOptions.builder(audience).format(v).build().format(), "not jws or jwe",
                "set jws (signed, the default) or jwe (encrypted); both are read, so switching logs nobody out");
        return new SessionSettings(audience, idle, absolute, leeway, renew, maxSize, chunking,
                new CookieSettings(name, path, domain, secure, httpOnly, sameSite, maxAge), format);
    }

    /**
     * @return the codec options these settings imply
     */
    public CodecOptions codecOptions() {
        return CodecOptions.builder(audience).absoluteTimeout(absoluteTimeout).clockLeeway(clockLeeway)
                .maxSize(maxSize).format(format).build();
    }

    /**
     * The cookie path the application set through {@code <cookie-config><path>} or {@code setPath}, or null.
     *
     * <p>Open Liberty answers {@code getPath()} and {@code getDomain()} with its server-wide {@code <httpSession>}
     * defaults, {@code "/"} and {@code ""}, when the application set neither, where the Servlet javadoc promises
     * null. Taken as the application's choice, {@code "/"} would put the cookie of every application on the server
     * on one path, where each application's filter sees the others' cookies (another audience) and replaces them:
     * users would lose their sessions by using two applications. An empty domain is never a real setting, so with it
     * {@code "/"} is read as that default; an application that wants {@code /} there sets
     * {@code steadfast.session.cookie.path}.
     */
    static String applicationCookiePath(SessionCookieConfig cookieConfig) {
        if (cookieConfig == null) {
            return null;
        }
        String path = blankToNull(cookieConfig.getPath());
        boolean containerDefaults = "/".equals(path) && "".equals(cookieConfig.getDomain());
        return containerDefaults ? null : path;
    }

    /**
     * The cookie name the application set through {@code <cookie-config><name>} or {@code setName}, or null.
     *
     * <p>Containers answer {@code getName()} with their own default when the application set none: Tomcat with null,
     * Undertow (WildFly) and Payara with {@value #CONTAINER_DEFAULT_NAME}. That default is the container's, not a
     * choice of the application, and taking it would drop the {@code __Host-} prefix Steadfast's default carries and
     * give Steadfast's cookie the name of the container's own session cookie. An application that really wants that
     * name sets {@code steadfast.session.cookie.name}.
     */
    static String applicationCookieName(SessionCookieConfig cookieConfig) {
        String name = cookieConfig == null ? null : blankToNull(cookieConfig.getName());
        return CONTAINER_DEFAULT_NAME.equals(name) ? null : name;
    }

    /** The session cookie name every supported container reports when the application set none. */
    static final String CONTAINER_DEFAULT_NAME = "JSESSIONID";

    /**
     * Whether the application set {@code <cookie-config><http-only>false} or {@code setHttpOnly(false)}. Read from
     * the {@code HttpOnly} attribute, not {@code isHttpOnly()}: Tomcat answers {@code isHttpOnly()} with false when
     * nothing was set, which would take HttpOnly off every cookie by default; Tomcat, Undertow and Payara record
     * {@code setHttpOnly} as that attribute, and leave it absent when nothing was set.
     */
    static boolean applicationTurnedOffHttpOnly(SessionCookieConfig cookieConfig) {
        String value = cookieConfig == null ? null : cookieConfig.getAttribute("HttpOnly");
        return value != null && value.trim().equalsIgnoreCase("false");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String sameSite(PropertyReader config, SessionCookieConfig cookieConfig, boolean secure) {
        Optional<ConfigEntry> entry = config.get(SteadfastProperties.SESSION_COOKIE_SAME_SITE);
        String raw = entry.map(ConfigEntry::value)
                .or(() -> Optional.ofNullable(cookieConfig == null ? null : cookieConfig.getAttribute("SameSite")))
                .orElse("Lax");
        String source = entry.map(ConfigEntry::source).orElse("from SessionCookieConfig");
        String value;
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "lax":
                value = "Lax";
                break;
            case "strict":
                value = "Strict";
                break;
            case "none":
                value = "None";
                break;
            default:
                RejectedValue shown = RejectedValue.of(raw);
                config.report(new Finding(Rule.INVALID_COOKIE_SETTING, SteadfastProperties.SESSION_COOKIE_SAME_SITE,
                        source, "is " + shown + ", which is not Lax, Strict or None",
                        shown.fix("set Lax, Strict or None")));
                return "Lax";
        }
        if (value.equals("None") && !secure) {
            config.report(new Finding(Rule.INVALID_COOKIE_SETTING, SteadfastProperties.SESSION_COOKIE_SAME_SITE,
                    source, "is None while the cookie is not Secure, so browsers would drop the session cookie",
                    "set " + SteadfastProperties.SESSION_COOKIE_SECURE + "=true (and serve HTTPS), or use Lax"));
        }
        return value;
    }
}
