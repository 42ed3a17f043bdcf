package dev.steadfast.impl.config;

import dev.steadfast.SteadfastProperties;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code steadfast.session.container-sessions}: what to do when state would live in the container's own session,
 * which breaks statelessness silently (a restart loses it, another instance never sees it).
 */
public enum ContainerSessionPolicy {
    /** Log each cause once (default). */
    WARN,
    /** Refuse deployments that declare {@code @SessionScoped} beans; warn at runtime. */
    FAIL,
    /** Say nothing: the application knowingly uses both. */
    ALLOW;

    /**
     * @param config   where to read
     * @param findings receives a finding for an unknown value
     * @return the policy; an unknown value counts as {@link #WARN}
     */
    public static ContainerSessionPolicy resolve(PropertyLookup config, List<Finding> findings) {
        Optional<ConfigEntry> entry = config.get(SteadfastProperties.SESSION_CONTAINER_SESSIONS);
        if (entry.isEmpty()) {
            return WARN;
        }
        try {
            return valueOf(entry.get().value().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            RejectedValue shown = RejectedValue.of(entry.get().value());
            findings.add(new Finding(Rule.INVALID_VALUE, SteadfastProperties.SESSION_CONTAINER_SESSIONS,
                    entry.get().source(), "is " + shown + ", which is not warn, fail or allow",
                    shown.fix("set warn, fail or allow")));
            return WARN;
        }
    }
}
