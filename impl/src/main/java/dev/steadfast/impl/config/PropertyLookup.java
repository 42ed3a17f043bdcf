package dev.steadfast.impl.config;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Reads one property with its source. Everything Steadfast reads goes through this, so that loaders stay pure and
 * can be tested (and fuzzed) without a MicroProfile Config implementation.
 */
@FunctionalInterface
public interface PropertyLookup {

    /** Describes an unset property in messages. */
    String NOT_SET = "not set";

    /**
     * @param name a property name
     * @return the entry, or empty when the property is unset or empty
     */
    Optional<ConfigEntry> get(String name);

    /**
     * @param name a property name
     * @return the source description for messages: the entry's source, or {@value #NOT_SET}
     */
    default String sourceOf(String name) {
        return get(name).map(ConfigEntry::source).orElse(NOT_SET);
    }

    /**
     * @param config a MicroProfile Config
     * @return a lookup that reports each value's config source name and ordinal
     */
    static PropertyLookup of(Config config) {
        return name -> {
            ConfigValue cv = config.getConfigValue(name);
            String value = cv == null ? null : cv.getValue();
            if ((value == null || value.isEmpty()) && cv != null) {
                // An expression such as ${SESSION_SECRET} whose variable is unset expands to nothing; judge what
                // was written, so the user hears "placeholder" rather than "not set".
                value = cv.getRawValue();
            }
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            String source = cv.getSourceName() == null
                    ? "unknown source"
                    : "from " + cv.getSourceName() + ", ordinal " + cv.getSourceOrdinal();
            return Optional.of(new ConfigEntry(name, value, source));
        };
    }

    /**
     * @param values property values, for tests and the command line
     * @param source the source description to report
     * @return a lookup over the map
     */
    static PropertyLookup of(Map<String, String> values, String source) {
        return name -> Optional.ofNullable(values.get(name))
                .filter(v -> !v.isEmpty())
                .map(v -> new ConfigEntry(name, v, source));
    }
}
