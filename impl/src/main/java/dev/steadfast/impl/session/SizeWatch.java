package dev.steadfast.impl.session;

import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.impl.codec.SessionSize;
import dev.steadfast.impl.codec.SessionSizing;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A request's session size as the application changes it, so that {@code setAttribute} refuses a value that would
 * take the session over {@code steadfast.session.max-size} when it is set, not at commit. Re-encoding the whole session
 * on every {@code setAttribute} made it the costliest part of a request; a bound costs a walk over the values, and only
 * a session near the limit is measured exactly. (A codec that is not Steadfast's has no bound: every change is
 * measured by encoding.)
 */
final class SizeWatch {

    private final SessionSizing sizing;
    /** The session's cookie length as last measured or bounded, or null after a change other than a set. */
    private volatile SessionSize size;

    SizeWatch(SessionSizing sizing) {
        this.sizing = sizing;
    }

    /**
     * @param name  an attribute name
     * @param value its value
     * @throws dev.steadfast.impl.codec.UnstorableValueException when the cookie cannot hold the value
     */
    void checkValue(String name, Object value) {
        sizing.checkAttribute(name, value);
    }

    /** Size changes other than an attribute set: the next check measures the whole session again. */
    void forget() {
        size = null;
    }

    /**
     * @param name       the attribute just set
     * @param id         the session's id
     * @param attributes the session's attributes, with the new value
     * @param snapshot   the whole session, for an exact measure
     * @throws IllegalStateException naming the attribute and the sizes when the session no longer fits
     */
    void afterSet(String name, String id, Map<String, Object> attributes, Supplier<SessionData> snapshot) {
        try {
            SessionSize next = size == null ? sizing.bound(id, attributes) : size.with(name, attributes.get(name));
            if (!next.fits() && !next.isExact()) {
                next = sizing.measure(snapshot.get());
            }
            if (next.isExact()) {
                next.checkLimit();
            }
            size = next;
        } catch (SessionTooLargeException e) {
            throw new IllegalStateException("Session attribute '" + name + "' would make the session " + e.size()
                    + " characters; the limit is " + e.limit() + " (steadfast.session.max-size). Keep large data "
                    + "out of the session.");
        }
    }
}
