package dev.steadfast.impl.boot;

import dev.steadfast.SteadfastProperties;
import dev.steadfast.impl.config.ConfigEntry;
import dev.steadfast.impl.config.PropertyLookup;

/**
 * Names an application the way sessions and development keys are scoped: the configured audience, else the
 * context path.
 */
final class Applications {

    private Applications() {
    }

    /**
     * @param config      where to read {@code steadfast.session.audience}
     * @param contextPath the servlet context path ({@code ""} for the root context)
     * @return the audience, or the context path ({@code /} for the root context)
     */
    public static String name(PropertyLookup config, String contextPath) {
        return config.get(SteadfastProperties.SESSION_AUDIENCE).map(ConfigEntry::value)
                .orElse(contextPath == null || contextPath.isEmpty() ? "/" : contextPath);
    }
}
