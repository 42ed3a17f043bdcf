package dev.steadfast.impl.session;

import dev.steadfast.impl.codec.UnstorableValueException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A list or map attribute filled after {@code setAttribute} with something the cookie cannot hold is found only when
 * the session is written (Jakarta Faces' server-side state saving does this on every page with a form). The
 * request's session is then not written; this says why, once per attribute name and deployment: the same page
 * fails the same way on every request, and a line per request would flood the log without saying more.
 */
public final class UnstorableAttributes {

    /** Id of the message. */
    public static final String UNSTORABLE_AT_COMMIT = "STEADFAST-3005";

    private static final Logger LOG = Logger.getLogger("dev.steadfast");

    private final String app;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** @param app the application, for messages */
    public UnstorableAttributes(String app) {
        this.app = app;
    }

    /** @param problem where the value the cookie cannot hold is, and what it is (never its value) */
    void report(UnstorableValueException problem) {
        if (!reported.add(problem.attribute())) {
            return;
        }
        LOG.warning(() -> UNSTORABLE_AT_COMMIT + ": " + app + " could not write the session at the end of the "
                + "request: " + problem.location() + ", which a session cookie cannot hold. It was most likely put "
                + "into a List or Map after setAttribute (setAttribute checks only what the value holds then). The "
                + "previous cookie is kept, so the request's session changes are lost; a response not yet committed "
                + "fails with status 500. Fix: keep only String, Boolean, Integer, Long, Double, BigDecimal, List "
                + "and Map<String, ?> in session attributes, also inside lists and maps; with Jakarta Faces set the "
                + "context parameter jakarta.faces.STATE_SAVING_METHOD to client. Logged once per attribute.");
    }
}
