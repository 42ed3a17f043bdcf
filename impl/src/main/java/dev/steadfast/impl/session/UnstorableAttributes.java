package dev.steadfast.impl.session;

import dev.steadfast.impl.codec.UnstorableValueException;
import dev.steadfast.impl.message.Message;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A list or map attribute filled after {@code setAttribute} with something the cookie cannot hold is found only when
 * the session is written (Jakarta Faces' server-side state saving does this on every page with a form). The
 * request's session is then not written; this says why, once per attribute name and deployment: the same page
 * fails the same way on every request, and a line per request would flood the log without saying more.
 */
public final class UnstorableAttributes {

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
        Message.UNSTORABLE_AT_COMMIT.log(app, problem.location());
    }
}
