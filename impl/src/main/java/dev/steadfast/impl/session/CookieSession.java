package dev.steadfast.impl.session;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

import java.security.Key;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@link HttpSession} whose whole state travels in the signed cookie. One instance serves every dispatch of a
 * request; it is written back by {@link RequestSessionState#commit} before the response commits.
 *
 * <p>Listener semantics, documented in docs/sessions.md: attribute values are JSON-shaped, so an
 * {@code HttpSessionBindingListener} can never be stored and is never called; container-registered
 * {@code HttpSessionAttributeListener}s and {@code HttpSessionListener}s are not called, because a stateless
 * session is not the container's and cannot observe its own expiry.
 */
final class CookieSession implements HttpSession {

    private final RequestSessionState owner;
    private final long creationTime;
    private final long lastAccessedTime;
    private final boolean isNew;
    private final Map<String, Object> attributes;
    /** The attributes as the cookie brought them, never handed to the application but through getAttribute. */
    private final Map<String, Object> loaded;
    /** Loaded lists and maps as they were when getAttribute first handed them out, so in-place changes show. */
    private final Map<String, AttributeSnapshot> handedOut = new HashMap<>(4);
    /** Names given to setAttribute or removeAttribute, compared first at commit: the likeliest to have changed. */
    private final Set<String> written = new LinkedHashSet<>(4);
    /**
     * Cryptographic keys set on the session, held for this request only: a signed cookie is readable by its holder,
     * so a key must never reach it, and Mojarra puts its client-state key into the session on every page with client
     * state saving ({@code com.sun.faces.SK}, to remember which key a session's states use; with the configured key
     * that is the same key on every request and every instance). Null until the first one.
     */
    private Map<String, Object> requestOnly;
    private String id;
    private int maxInactiveInterval;
    private boolean valid = true;

    CookieSession(RequestSessionState owner, String id, long creationTime, long lastAccessedTime, int maxInactiveInterval,
                  Map<String, Object> attributes, boolean isNew) {
        this.owner = owner;
        this.id = id;
        this.creationTime = creationTime;
        this.lastAccessedTime = lastAccessedTime;
        this.maxInactiveInterval = maxInactiveInterval;
        this.attributes = new LinkedHashMap<>(attributes);
        this.loaded = attributes;
        this.isNew = isNew;
    }

    @Override
    public synchronized long getCreationTime() {
        checkValid("getCreationTime");
        return creationTime;
    }

    @Override
    public synchronized String getId() {
        return id;
    }

    @Override
    public synchronized long getLastAccessedTime() {
        checkValid("getLastAccessedTime");
        return lastAccessedTime;
    }

    @Override
    public ServletContext getServletContext() {
        return owner.context();
    }

    @Override
    public synchronized void setMaxInactiveInterval(int interval) {
        owner.beforeChange("setMaxInactiveInterval");
        owner.forgetSize();
        maxInactiveInterval = interval;
    }

    @Override
    public synchronized int getMaxInactiveInterval() {
        return maxInactiveInterval;
    }

    @Override
    public synchronized Object getAttribute(String name) {
        checkValid("getAttribute");
        if (requestOnly != null && requestOnly.containsKey(name)) {
            return requestOnly.get(name);
        }
        Object value = attributes.get(name);
        if ((value instanceof List || value instanceof Map) && value == loaded.get(name)
                && !handedOut.containsKey(name)) {
            handedOut.put(name, AttributeSnapshot.of(value));
        }
        return value;
    }

    @Override
    public synchronized Enumeration<String> getAttributeNames() {
        checkValid("getAttributeNames");
        if (requestOnly != null) {
            Set<String> names = new LinkedHashSet<>(attributes.keySet());
            names.addAll(requestOnly.keySet());
            return Collections.enumeration(names);
        }
        return Collections.enumeration(java.util.List.copyOf(attributes.keySet()));
    }

    @Override
    public synchronized void setAttribute(String name, Object value) {
        if (name == null) {
            throw new IllegalArgumentException("Session attribute name is null");
        }
        checkValid("setAttribute");
        if (value == null) {
            removeAttribute(name);
            return;
        }
        if (value instanceof Key) {
            removeAttribute(name);
            if (requestOnly == null) {
                requestOnly = new HashMap<>(2);
            }
            requestOnly.put(name, value);
            return;
        }
        if (requestOnly != null) {
            requestOnly.remove(name);
        }
        owner.checkValue(name, value);
        owner.beforeChange("setAttribute");
        written.add(name);
        boolean had = attributes.containsKey(name);
        Object previous = attributes.put(name, value);
        try {
            owner.checkSize(name);
        } catch (IllegalStateException e) {
            if (had) {
                attributes.put(name, previous);
            } else {
                attributes.remove(name);
            }
            throw e;
        }
    }

    @Override
    public synchronized void removeAttribute(String name) {
        checkValid("removeAttribute");
        if (requestOnly != null) {
            requestOnly.remove(name);
        }
        if (attributes.containsKey(name)) {
            owner.beforeChange("removeAttribute");
            owner.forgetSize();
            written.add(name);
            attributes.remove(name);
        }
    }

    @Override
    public synchronized void invalidate() {
        checkValid("invalidate");
        owner.beforeChange("invalidate");
        owner.forgetSize();
        valid = false;
        attributes.clear();
        if (requestOnly != null) {
            requestOnly.clear();
        }
    }

    @Override
    public synchronized boolean isNew() {
        checkValid("isNew");
        return isNew;
    }

    @Override
    public String toString() {
        return "CookieSession[id=" + id + "]";
    }

    synchronized boolean isValid() {
        return valid;
    }

    synchronized void changeId(String newId) {
        id = newId;
    }

    synchronized Map<String, Object> attributesView() {
        return attributes;
    }

    /** @return whether the attributes would encode as the cookie's did (order aside), after whatever the request did */
    synchronized boolean attributesUnchanged() {
        if (attributes.size() != loaded.size()) {
            return false;
        }
        for (String name : written) {
            if (!unchanged(name)) {
                return false;
            }
        }
        for (String name : attributes.keySet()) {
            if (!unchanged(name)) {
                return false;
            }
        }
        return true;
    }

    private boolean unchanged(String name) {
        if (attributes.containsKey(name) != loaded.containsKey(name)) {
            return false;
        }
        Object value = attributes.get(name);
        AttributeSnapshot before = handedOut.get(name);
        // Never handed out, the loaded value is as the cookie brought it.
        return before != null ? before.matches(value) : Objects.equals(loaded.get(name), value);
    }

    private void checkValid(String method) {
        if (!valid) {
            throw new IllegalStateException(method + ": the session has been invalidated");
        }
    }
}
