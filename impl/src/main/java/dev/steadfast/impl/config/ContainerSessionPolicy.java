package dev.steadfast.impl.config;

import dev.steadfast.SteadfastProperties;
import dev.steadfast.policy.Rule;

import java.util.Locale;

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
     * @param config where to read; receives a finding for an unknown value
     * @return the policy; an unknown value counts as {@link #WARN}
     */
    public static ContainerSessionPolicy resolve(PropertyReader config) {
        return config.parsed(SteadfastProperties.SESSION_CONTAINER_SESSIONS, WARN, RejectedValue::of,
                Rule.INVALID_VALUE, v -> valueOf(v.trim().toUpperCase(Locale.ROOT)), "not warn, fail or allow",
                "set warn, fail or allow");
    }
}
