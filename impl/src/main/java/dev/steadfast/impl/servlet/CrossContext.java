package dev.steadfast.impl.servlet;

import jakarta.servlet.ServletRequest;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * One application's view of a request that other applications may share. In a cross-context include or forward
 * (Tomcat with {@code crossContext="true"}; Undertow and Payara allow it by default) the target application's filter
 * sees the caller's request attributes, and the two applications load Steadfast from different class loaders, or
 * from one shared one. So each filter keeps its per-request state under an attribute name of its own, never a fixed
 * name another application's filter would also read, and checks the type of what it finds there.
 *
 * <p>The forwarding application cannot commit its own session: its filter is not on the forward's path, and the
 * container closes the response before {@code forward()} returns (Servlet 9.4). So the attribute's value is a
 * {@link Runnable} (a JDK type, the same class in every class loader) that commits its application's session, under
 * a name starting with {@value #PREFIX}; the target of a cross-context forward runs the others' before it renders,
 * the last moment their cookies can still reach the response headers.
 */
final class CrossContext {

    /** Start of every application's state attribute; a contract between Steadfast versions, not a class name. */
    static final String PREFIX = "dev.steadfast.session.state#";

    private final String attribute;

    /**
     * @param contextPath the application's context path, to make the attribute readable when debugging
     */
    CrossContext(String contextPath) {
        // Random: the context path alone is not unique (two virtual hosts, one path), and a name per filter instance
        // needs nothing from the container.
        this.attribute = PREFIX + contextPath + "#" + UUID.randomUUID();
    }

    /** @return this application's state on the request, or null when the request has not entered it yet */
    SessionResponseWrapper state(ServletRequest request) {
        Object value = request.getAttribute(attribute);
        return value instanceof Entry entry ? entry.response : null;
    }

    /** Records this application's state for its later dispatches, and how another application commits it. */
    void enter(ServletRequest request, SessionResponseWrapper response) {
        // One setAttribute per entry: every setAttribute runs the container's attribute listeners.
        request.setAttribute(attribute, new Entry(response));
    }

    /** Forgets this application's state when a dispatch into it from another application ends. */
    void leave(ServletRequest request) {
        request.removeAttribute(attribute);
    }

    /**
     * Commits the sessions of the other applications the request passed through; called when a cross-context
     * forward enters this application. Their names are listed only then: a rare path, not every request's.
     */
    void commitOthers(ServletRequest request) {
        List<String> names = Collections.list(request.getAttributeNames());
        for (String name : names) {
            if (name.startsWith(PREFIX) && !name.equals(attribute)
                    && request.getAttribute(name) instanceof Runnable commit) {
                commit.run();
            }
        }
    }

    /** The value of the state attribute: this application's response wrapper, committable by any application. */
    private static final class Entry implements Runnable {
        private final SessionResponseWrapper response;

        Entry(SessionResponseWrapper response) {
            this.response = response;
        }

        @Override
        public void run() {
            response.commitSession();
        }

        @Override
        public String toString() {
            return "Steadfast session state";
        }
    }
}
