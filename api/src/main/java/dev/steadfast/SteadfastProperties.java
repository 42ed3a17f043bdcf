package dev.steadfast;

/**
 * The names of Steadfast's configuration properties, read through MicroProfile Config.
 *
 * <p>These names are the user-facing contract: they may be added to, never renamed. Every property can also be
 * set as an environment variable through MicroProfile Config's mapping (non-alphanumerics become {@code _}, then
 * upper case): {@code steadfast.keys} is {@code STEADFAST_KEYS}, {@code steadfast.key.2026-11.secret} is
 * {@code STEADFAST_KEY_2026_11_SECRET}.
 *
 * <p>Durations accept a number with a unit ({@code 30s}, {@code 30m}, {@code 12h}, {@code 7d}) or an ISO-8601
 * duration ({@code PT30M}). Instants are ISO-8601 ({@code 2026-11-22T00:00:00Z}).
 */
public final class SteadfastProperties {

    /**
     * Comma-separated key ids, in order. The <em>first</em> key signs; every listed key verifies. Example:
     * {@code steadfast.keys=2026-11,2026-05}.
     *
     * <p>A key id matches {@link #KEY_ID_PATTERN}: lower case only, because the environment-variable mapping
     * upper-cases names and two ids differing only by case would collide.
     */
    public static final String KEYS = "steadfast.keys";

    /**
     * The regular expression every key id must match: {@value}.
     */
    public static final String KEY_ID_PATTERN = "[a-z0-9][a-z0-9-]{0,31}";

    /**
     * Prefix of the per-key properties; see {@link #keySecret(String)} and its siblings.
     */
    public static final String KEY_PREFIX = "steadfast.key.";

    /**
     * Operating mode: {@code production} (the default) or {@code development}. See {@link Mode}.
     * MicroProfile Config profile {@code dev} ({@code mp.config.profile=dev}) also selects development mode.
     */
    public static final String MODE = "steadfast.mode";

    /**
     * Comma-separated names of application properties that hold secrets read programmatically (not injected with
     * {@link Secret}), validated at deployment like Steadfast's own keys. Example:
     * {@code steadfast.validate=jwt.secret,admin.api-token}.
     */
    public static final String VALIDATE = "steadfast.validate";

    /**
     * Where development mode persists its generated key. Default: {@code ~/.steadfast/dev/<app>.key}, where
     * {@code <app>} is the session audience or the context path.
     */
    public static final String DEV_KEY_FILE = "steadfast.dev.key-file";

    /**
     * Age after which the signing key's {@code created-at} draws a rotation warning at deployment. Default
     * {@code 180d}.
     */
    public static final String KEY_ROTATION_PERIOD = "steadfast.key.rotation-period";

    /**
     * Audience written into every session ({@code aud}) and required on decode, so two applications that share keys
     * by mistake still reject each other's sessions. Default: the servlet context path ({@code /} for the root
     * context).
     */
    public static final String SESSION_AUDIENCE = "steadfast.session.audience";

    /**
     * Idle timeout of a session. Default: the application's {@code <session-config><session-timeout>}, else 30
     * minutes.
     */
    public static final String SESSION_IDLE_TIMEOUT = "steadfast.session.idle-timeout";

    /**
     * Absolute timeout: a session older than this is refused however active it is. Default {@code 12h}.
     */
    public static final String SESSION_ABSOLUTE_TIMEOUT = "steadfast.session.absolute-timeout";

    /**
     * Clock leeway applied to every time check, for clock skew between instances. Default {@code 30s}.
     */
    public static final String SESSION_CLOCK_LEEWAY = "steadfast.session.clock-leeway";

    /**
     * Upper bound, in characters, of an encoded session. Default {@code 3800}, which keeps one cookie under the
     * 4096-byte limit browsers apply; a larger value needs {@link #SESSION_CHUNKING}.
     */
    public static final String SESSION_MAX_SIZE = "steadfast.session.max-size";

    /**
     * Whether a session larger than one cookie is split over several ({@code name}, {@code nameC1},
     * {@code nameC2}...), up to {@link #SESSION_MAX_SIZE} in all. Default {@code false}. Servers limit request
     * headers (Tomcat and nginx to 8 KB by default), so a budget above about 7000 characters draws a warning.
     */
    public static final String SESSION_CHUNKING = "steadfast.session.chunking";

    /**
     * Time after which an unchanged session's cookie is re-issued (sliding renewal), so idle expiry moves forward
     * without a new cookie on every request. Default: a tenth of the idle timeout.
     */
    public static final String SESSION_RENEW_AFTER = "steadfast.session.renew-after";

    /**
     * The session cookie's format: {@code jws} (the default) signs the session, so its holder can read it;
     * {@code jwe} encrypts and authenticates it, so only the server can. Either format reads cookies of the other,
     * which are re-issued in the configured one, so switching logs nobody out. See
     * {@link dev.steadfast.codec.CodecOptions#format()}.
     */
    public static final String SESSION_FORMAT = "steadfast.session.format";

    /**
     * Session cookie name. Default {@code __Host-steadfast} when the cookie is Secure, has path {@code /} and no
     * domain; {@code __Secure-steadfast} when Secure otherwise; {@code steadfast} when not Secure.
     */
    public static final String SESSION_COOKIE_NAME = "steadfast.session.cookie.name";

    /** Whether the cookie is HttpOnly (hidden from scripts). Default {@code true}. */
    public static final String SESSION_COOKIE_HTTP_ONLY = "steadfast.session.cookie.http-only";

    /**
     * Whether the cookie is Secure (sent over HTTPS only). Default {@code true} in production, {@code false} in
     * development.
     */
    public static final String SESSION_COOKIE_SECURE = "steadfast.session.cookie.secure";

    /**
     * The cookie's SameSite attribute: {@code Lax} (default), {@code Strict} or {@code None}. {@code None} without
     * Secure is refused at deployment, as browsers drop such cookies.
     */
    public static final String SESSION_COOKIE_SAME_SITE = "steadfast.session.cookie.same-site";

    /** The cookie's path. Default: the context path. */
    public static final String SESSION_COOKIE_PATH = "steadfast.session.cookie.path";

    /** The cookie's domain. Default: none (host-only cookie). */
    public static final String SESSION_COOKIE_DOMAIN = "steadfast.session.cookie.domain";

    /**
     * What to do about state that would live in the container's own {@code HttpSession} behind Steadfast's back
     * (CDI {@code @SessionScoped} beans, container FORM login, frameworks holding the original request):
     * {@code warn} (default) logs each cause once, {@code fail} refuses a deployment that declares
     * {@code @SessionScoped} beans, {@code allow} stays silent.
     */
    public static final String SESSION_CONTAINER_SESSIONS = "steadfast.session.container-sessions";

    private static final String SECRET = ".secret";
    private static final String SECRET_FILE = ".secret-file";
    private static final String ALGORITHM = ".algorithm";
    private static final String CREATED_AT = ".created-at";
    private static final String RETIRE_AT = ".retire-at";

    private SteadfastProperties() {
    }

    /**
     * @param keyId a key id listed in {@link #KEYS}
     * @return {@code steadfast.key.<id>.secret}: the key's secret, used as its UTF-8 bytes
     */
    public static String keySecret(String keyId) {
        return KEY_PREFIX + keyId + SECRET;
    }

    /**
     * @param keyId a key id listed in {@link #KEYS}
     * @return {@code steadfast.key.<id>.secret-file}: a path whose content, trimmed, is the secret (for Docker and
     *         Kubernetes secret mounts). Setting both this and {@link #keySecret(String)} is a finding.
     */
    public static String keySecretFile(String keyId) {
        return KEY_PREFIX + keyId + SECRET_FILE;
    }

    /**
     * @param keyId a key id listed in {@link #KEYS}
     * @return {@code steadfast.key.<id>.algorithm}: {@code HS256} (default), {@code HS384} or {@code HS512}
     */
    public static String keyAlgorithm(String keyId) {
        return KEY_PREFIX + keyId + ALGORITHM;
    }

    /**
     * @param keyId a key id listed in {@link #KEYS}
     * @return {@code steadfast.key.<id>.created-at}: optional ISO-8601 instant the key was generated, used for age
     *         warnings
     */
    public static String keyCreatedAt(String keyId) {
        return KEY_PREFIX + keyId + CREATED_AT;
    }

    /**
     * @param keyId a key id listed in {@link #KEYS}
     * @return {@code steadfast.key.<id>.retire-at}: optional ISO-8601 instant after which the key no longer
     *         verifies. A signing key that retires sooner than the absolute session timeout is a finding.
     */
    public static String keyRetireAt(String keyId) {
        return KEY_PREFIX + keyId + RETIRE_AT;
    }
}
