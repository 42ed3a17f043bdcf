package dev.steadfast.impl.config;

import dev.steadfast.impl.message.Message;

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
            ConfigValue cv;
            try {
                cv = config.getConfigValue(name);
            } catch (RuntimeException e) {
                throw sourceFailed(name, e);
            }
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
     * A config source threw instead of answering. The exception's message and cause are left out on purpose: a
     * source's message may quote the value it failed on, which can be a secret. The exception type and the class
     * that threw it are enough to find the source.
     *
     * @param name the property being read
     * @param e    what the source threw
     * @return an exception that fails the deployment with a Steadfast message
     */
    static IllegalStateException sourceFailed(String name, RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        String thrower = trace.length == 0 ? "unknown" : trace[0].getClassName() + "." + trace[0].getMethodName();
        IllegalStateException failed = new IllegalStateException(Message.SOURCE_FAILED.format(name,
                e.getClass().getName(), thrower));
        failed.setStackTrace(new StackTraceElement[0]);
        return failed;
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
