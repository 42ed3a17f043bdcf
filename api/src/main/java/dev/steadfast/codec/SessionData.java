package dev.steadfast.codec;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a session as a codec stores it: id, times, idle limit and attributes.
 *
 * <p>Attribute values are JSON-compatible and keep their Java type through a round trip: {@code String},
 * {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}, {@code java.math.BigDecimal}, {@code List} and
 * {@code Map<String, ?>} of these, and {@code null}. Lists come back as {@code ArrayList}, maps as
 * {@code LinkedHashMap} (mutable, insertion order kept).
 *
 * <p>Times have second precision on the wire: a decoded session's times are whole seconds.
 */
public final class SessionData {

    private final String id;
    private final Instant creationTime;
    private final Instant lastAccessedTime;
    private final Duration maxInactiveInterval;
    private final Map<String, Object> attributes;

    private SessionData(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.creationTime = Objects.requireNonNull(b.creationTime, "creationTime");
        this.lastAccessedTime = b.lastAccessedTime != null ? b.lastAccessedTime : b.creationTime;
        this.maxInactiveInterval = Objects.requireNonNull(b.maxInactiveInterval, "maxInactiveInterval");
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        if (id.isEmpty()) {
            throw new IllegalArgumentException("session id is empty");
        }
    }

    /**
     * @return a builder for a new snapshot
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the session id, random and unique per session */
    public String id() {
        return id;
    }

    /** @return when the session was created */
    public Instant creationTime() {
        return creationTime;
    }

    /** @return when the session was last accessed; an encoded cookie records it as its issue time */
    public Instant lastAccessedTime() {
        return lastAccessedTime;
    }

    /**
     * @return the idle limit; zero or negative means the session never expires from idleness (the absolute timeout
     *         still applies)
     */
    public Duration maxInactiveInterval() {
        return maxInactiveInterval;
    }

    /** @return the attributes, unmodifiable, in insertion order */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** @return id, times and attribute names; never attribute values */
    @Override
    public String toString() {
        return "SessionData[id=" + id + ", created=" + creationTime + ", lastAccessed=" + lastAccessedTime
                + ", maxInactive=" + maxInactiveInterval + ", attributes=" + attributes.keySet() + "]";
    }

    /**
     * Builds a {@link SessionData}.
     */
    public static final class Builder {
        private String id;
        private Instant creationTime;
        private Instant lastAccessedTime;
        private Duration maxInactiveInterval = Duration.ofMinutes(30);
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        /** @param id the session id @return this */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** @param creationTime when the session was created @return this */
        public Builder creationTime(Instant creationTime) {
            this.creationTime = creationTime;
            return this;
        }

        /** @param lastAccessedTime last access; defaults to the creation time @return this */
        public Builder lastAccessedTime(Instant lastAccessedTime) {
            this.lastAccessedTime = lastAccessedTime;
            return this;
        }

        /** @param maxInactiveInterval the idle limit; default 30 minutes @return this */
        public Builder maxInactiveInterval(Duration maxInactiveInterval) {
            this.maxInactiveInterval = maxInactiveInterval;
            return this;
        }

        /** @param name attribute name @param value attribute value @return this */
        public Builder attribute(String name, Object value) {
            attributes.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** @param attributes attributes to add @return this */
        public Builder attributes(Map<String, ?> attributes) {
            attributes.forEach(this::attribute);
            return this;
        }

        /** @return the snapshot */
        public SessionData build() {
            return new SessionData(this);
        }
    }
}
