package dev.steadfast.impl.session;

import dev.steadfast.Mode;
import dev.steadfast.impl.message.Message;
import dev.steadfast.impl.message.Messages;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session changed after its response committed cannot reach the cookie. In development that is an error, so the
 * developer sees it at once; in production it is one warning per cause, so a busy page cannot flood the log.
 */
public final class LateChanges {

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
        if (mode == Mode.DEVELOPMENT) {
            throw new IllegalStateException(Message.LATE_CHANGE.format(app, cause, ""));
        }
        if (warned.add(cause)) {
            Message.LATE_CHANGE.log(app, cause, Messages.ONCE_PER_CAUSE);
        }
    }
}
