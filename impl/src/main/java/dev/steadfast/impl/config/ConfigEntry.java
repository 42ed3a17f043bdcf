package dev.steadfast.impl.config;

import java.util.Objects;

/**
 * A configured value with where it came from. {@link #toString()} omits the value, because many entries are
 * secrets.
 *
 * @param name   the property name
 * @param value  the raw value
 * @param source config source name and ordinal, for messages
 */
public record ConfigEntry(String name, String value, String source) {

    public ConfigEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "ConfigEntry[" + name + " (" + source + ")]";
    }
}
