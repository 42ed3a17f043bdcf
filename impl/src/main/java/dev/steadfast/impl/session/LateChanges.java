package dev.steadfast.impl.session;

import dev.steadfast.Mode;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A session changed after its response committed cannot reach the cookie. In development that is an error, so the
 * developer sees it at once; in production it is one warning per cause, so a busy page cannot flood the log.
 */
public final class LateChanges {

    /** Id of the late-change message. */
    public static final String LATE_CHANGE = "STEADFAST-3002";

    private static final Logger LOG = Logger.getLogger("dev.steadfast");

    private final String app;
    private final Mode mode;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param app  the application, for messages
     * @param mode development throws, production warns
     */
    public LateChanges(String app, Mode mode) {
        this.app = app;
        this.mode = mode;
    }

    /**
     * @param cause the session method called after commit
     * @throws IllegalStateException in development mode
     */
    void report(String cause) {
        String message = LATE_CHANGE + ": " + app + " changed the session (" + cause + ") after the response was "
                + "committed, so the change cannot reach the session cookie and is lost. Change the session before "
                + "writing the response body, or enlarge the response buffer.";
        if (mode == Mode.DEVELOPMENT) {
            throw new IllegalStateException(message);
        }
        if (warned.add(cause)) {
            LOG.warning(message + " Logged once per cause.");
        }
    }
}
