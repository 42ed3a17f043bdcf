package dev.steadfast.policy;

import java.util.Objects;

/**
 * One problem with the configuration: which property, where it came from, which rule it breaks and how to fix it.
 *
 * <p>A finding never carries the secret value, so it is always safe to log or show.
 *
 * @param rule     the rule broken
 * @param property the configuration property at fault, e.g. {@code steadfast.key.2026-11.secret}
 * @param source   where the value came from (config source name and ordinal), or {@code "not set"}
 * @param problem  what is wrong, one sentence without the value
 * @param fix      what to do about it, one sentence
 */
public record Finding(Rule rule, String property, String source, String problem, String fix) {

    /**
     * @throws NullPointerException when any component is null
     */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * The full text users see: {@code STEADFAST-1103: steadfast.key.k1.secret (from EnvConfigSource, ordinal 300)
     * is a placeholder, not a secret. Fix: ...}.
     *
     * @return the message
     */
    public String message() {
        return rule.id() + ": " + property + " (" + source + ") " + problem + ". Fix: " + fix;
    }

    @Override
    public String toString() {
        return message();
    }
}
