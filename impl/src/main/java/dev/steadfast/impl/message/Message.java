package dev.steadfast.impl.message;

import java.util.Locale;
import java.util.logging.Level;

/**
 * Every deployment and runtime message Steadfast writes (ids 2000-3099), each with its id, its level and its text:
 * the one place to read what users see, and what {@code docs/messages.md} documents (a test keeps the two in step).
 * The configuration findings (1000-1199) are the api's {@link dev.steadfast.policy.Rule}s.
 *
 * <p>A text is a {@link String#format} pattern of {@code %s} placeholders only, formatted with {@link Locale#ROOT};
 * {@link #format} puts the id in front: {@code STEADFAST-2003: key 'k0' retired at ...}. Parts that depend on a
 * condition (which Faces implementation, which cause) are built by the caller and passed as arguments. One id may
 * have several texts (STEADFAST-2014 says what is wrong with the client-state key in several ways); they share a
 * level. No text takes a secret value as an argument.
 *
 * <p>{@link #level()} is the level {@link #log} uses. A message that is thrown or listed in a refusal rather than
 * logged on its own carries the level of its gravity: {@link Level#SEVERE} where production refuses
 * ({@code docs/messages.md} says ERROR).
 */
public enum Message {

    // 2000-2099: deployment.

    /** The single line logged when an application is ready: app, mode, the keys described. */
    READY(2000, Level.INFO, "Steadfast ready for %s in %s mode; keys: %s"),
    /** Development mode signs with the development key: app, its path, its fingerprint. */
    DEV_KEY(2001, Level.WARNING, "%s runs in development mode and signs sessions with the development key stored at "
            + "%s (fingerprint %s), reused on every start. Production refuses this key: generate a real one with "
            + Messages.KEYGEN + " before deploying."),
    /**
     * The signing key is older than the rotation period: key id, age in days, its created-at property and value,
     * the rotation-period property and its value.
     */
    KEY_AGE(2002, Level.WARNING, "the signing key '%s' is %s days old (%s=%s), older than %s (%s). Rotate it: "
            + Messages.ROTATE + " (docs/rotation.md)."),
    /** A listed key has retired: key id, its retire-at, the key list property. */
    KEY_RETIRED(2003, Level.WARNING, "key '%s' retired at %s and no longer verifies; remove it from %s."),
    /**
     * Findings development mode tolerates: app, {@link Messages#problems(int)}, and the list, each on its own line
     * ({@link Messages#list}).
     */
    DEV_FINDINGS(2004, Level.WARNING, "%s runs in development mode; production would refuse it (%s):%s"),
    /** No MicroProfile Config implementation: the simple name of what was thrown. */
    NO_CONFIG(2005, Level.SEVERE, "Steadfast reads its keys through MicroProfile Config, but no implementation is "
            + "available (%s). Fix: deploy on a server that provides MicroProfile Config (WildFly, Payara, Open "
            + "Liberty), or add one to the WAR, e.g. io.smallrye.config:smallrye-config on Tomcat."),
    /** {@code @Secret} without {@code @ConfigProperty}: the member. */
    NOT_CONFIG(2006, Level.SEVERE, "@Secret on %s has no @ConfigProperty, so Steadfast cannot tell which property to "
            + "validate. Fix: add @ConfigProperty(name = \"...\"), or list the property in steadfast.validate"),
    /** Steadfast reads the application's properties file itself: app, the file. */
    FALLBACK(2007, Level.WARNING, "the container's MicroProfile Config does not show %s's %s while the application "
            + "starts; Steadfast reads that file itself (environment variables and system properties still take "
            + "precedence)."),
    /**
     * A {@code @SessionScoped} bean: the bean class. Logged when {@code container-sessions} is warn, a refusal's
     * problem when it is fail.
     */
    SESSION_SCOPED(2008, Level.WARNING, "@SessionScoped bean %s keeps its state in the container's HttpSession, not "
            + "in Steadfast's cookie, so a restart or another instance loses it. Fix: keep that state in HttpSession "
            + "attributes (or a @RequestScoped bean reading them), or set steadfast.session.container-sessions=allow "
            + "(docs/migration.md)"),
    /** A chunked budget near common request-header limits: the budget in characters. */
    CHUNKED_BUDGET(2009, Level.WARNING, "steadfast.session.max-size is %s characters with chunking on; with the rest "
            + "of a request's headers that can exceed what common servers and proxies accept (Tomcat and nginx: 8 KB "
            + "by default), and such requests fail before reaching the application. Raise those limits or keep "
            + "sessions small."),
    /** {@code @Secret(minBits)} too low: the injection point and its minBits, the least accepted. */
    MIN_BITS_TOO_LOW(2010, Level.SEVERE, "@Secret on %s asks for less than %s bits, which any attacker can guess. "
            + "Fix: use at least 128, or the default 256 for MAC keys"),
    /**
     * A config source threw: the property, the exception's class and the method that threw it (never the source's
     * message, which may quote a secret).
     */
    SOURCE_FAILED(2011, Level.SEVERE, "%s (MicroProfile Config) could not be read: a config source threw %s in %s, so "
            + "Steadfast cannot tell whether the configuration is safe and refuses to start. Fix: repair or remove "
            + "that config source (its message is not shown because it may quote a secret value)."),
    /**
     * A secret file others can read, or a link out of its directory: the property, its source, the problem, and
     * {@code " (path: ...)"} when the path may be shown or {@code ""}.
     */
    SECRET_FILE_HYGIENE(2012, Level.WARNING, "%s (%s) %s%s. Fix: make the file readable by the application's user "
            + "only (chmod 400, or defaultMode: 0400 for a Kubernetes secret volume) and mount it where it is "
            + "configured, not through a link to elsewhere"),
    /**
     * Faces keeps view state in the session: what the state saving setting is, the setting's name, the migration
     * guide.
     */
    FACES_SERVER_STATE(2013, Level.SEVERE, "Jakarta Faces keeps view state in the session (%s): its server-side state "
            + "saving stores a map of views in HttpSession and fills it after setAttribute, which Steadfast's cookie "
            + "session cannot store, so every Faces page would fail. Fix: set the context parameter %s to client in "
            + "web.xml and set the client-state key (%s)"),
    /**
     * Faces' state protection is turned off: the switch, its value as shown, the implementation (Mojarra or
     * MyFaces), the migration guide.
     */
    FACES_STATE_UNPROTECTED(2014, Level.SEVERE, "%s (context parameter) is %s, so %s sends client view state neither "
            + "encrypted nor signed: a client can read and forge it, and Faces deserializes what comes back. Fix: "
            + "remove that parameter and set the client-state key (%s)"),
    /**
     * Faces' client-state key is not set: where it is read, the implementation, what it does with the key
     * ("encrypts and signs", "encrypts", "signs"), the fix.
     */
    FACES_KEY_NOT_SET(2014, Level.SEVERE, "%s is not set, so %s %s client view state with a random key made at every "
            + "start: after a restart, a redeploy or on another instance every form post fails with "
            + "ViewExpiredException. %s"),
    /** Mojarra's client-state key is bound to something else than a String: where, the class bound, the fix. */
    FACES_MOJARRA_KEY_NOT_STRING(2014, Level.SEVERE, "%s is a %s, not a String, so Mojarra cannot read it and client "
            + "view state fails. %s"),
    /** Mojarra's client-state key is unusable: where, what is wrong with it (never its value), the fix. */
    FACES_MOJARRA_KEY_UNUSABLE(2014, Level.SEVERE, "%s is %s, so Mojarra has no key and client view state fails. %s"),
    /** A MyFaces client-state key is unusable: where, what is wrong with it (never its value), the fix. */
    FACES_MYFACES_KEY_UNUSABLE(2014, Level.SEVERE, "%s is %s, so MyFaces cannot use it and client view state fails. "
            + "%s"),

    // 3000-3099: sessions at runtime.

    /** A rejected cookie, at most once a minute per reason: app, the reason, the count so far. */
    REJECTED(3001, Level.INFO, "%s treated a session cookie as absent (%s); %s so far for this reason. Logged at most "
            + "once a minute per reason."),
    /**
     * The session changed after commit: app, the session method called, and {@link Messages#ONCE_PER_CAUSE} when
     * logged or {@code ""} when thrown (development).
     */
    LATE_CHANGE(3002, Level.WARNING, "%s changed the session (%s) after the response was committed, so the change "
            + "cannot reach the session cookie and is lost. Change the session before writing the response body, or "
            + "enlarge the response buffer.%s"),
    /** The session outgrew its budget during the request: the audience, its size, the limit, the attribute names. */
    TOO_LARGE_AT_COMMIT(3003, Level.WARNING, "a session of %s grew to %s characters during the request, over the "
            + "limit of %s (steadfast.session.max-size), most likely through a list or map changed in place. The "
            + "previous cookie is kept and the request fails. Attributes: %s"),
    /** A container HttpSession was created: app, what created it, the fix for that cause. */
    CONTAINER_SESSION(3004, Level.WARNING, "%s created a container HttpSession (first seen from %s). Its state lives "
            + "in this server's memory only, outside Steadfast's cookie: a restart or another instance loses it. %s"
            + Messages.ONCE_PER_CAUSE),
    /** An attribute holds what a cookie cannot, found at commit: app, where the value is and its type. */
    UNSTORABLE_AT_COMMIT(3005, Level.WARNING, "%s could not write the session at the end of the request: %s, which a "
            + "session cookie cannot hold. It was most likely put into a List or Map after setAttribute (setAttribute "
            + "checks only what the value holds then). The previous cookie is kept, so the request's session changes "
            + "are lost; a response not yet committed fails with status 500. Fix: keep only String, Boolean, Integer, "
            + "Long, Double, BigDecimal, List and Map<String, ?> in session attributes, also inside lists and maps; "
            + "with Jakarta Faces set the context parameter jakarta.faces.STATE_SAVING_METHOD to client. Logged once "
            + "per attribute.");

    private final int number;
    private final String id;
    private final Level level;
    private final String text;

    Message(int number, Level level, String text) {
        this.number = number;
        this.id = "STEADFAST-" + number;
        this.level = level;
        this.text = text;
    }

    /** @return the message number, e.g. 2000 */
    public int number() {
        return number;
    }

    /** @return the message id, e.g. {@code STEADFAST-2000} */
    public String id() {
        return id;
    }

    /** @return the level {@link #log} writes at */
    public Level level() {
        return level;
    }

    /** @return the text without its id, a pattern of {@code %s} placeholders */
    public String text() {
        return text;
    }

    /**
     * @param args the placeholders' values, in order
     * @return the full message: {@code STEADFAST-NNNN: } and the text with the arguments in place
     */
    public String format(Object... args) {
        return id + ": " + String.format(Locale.ROOT, text, args);
    }

    /** @return whether {@link #log} would write anything: worth asking before computing costly arguments */
    public boolean isLoggable() {
        return Messages.LOGGER.isLoggable(level);
    }

    /**
     * Logs the full message at {@link #level()} to the {@code dev.steadfast} logger; the text is built only when
     * that level is logged.
     *
     * @param args the placeholders' values, in order
     */
    public void log(Object... args) {
        if (isLoggable()) {
            Messages.publish(level, format(args));
        }
    }
}
