package dev.steadfast.impl.config;

import dev.steadfast.Mode;
import dev.steadfast.SteadfastProperties;
import dev.steadfast.policy.Rule;

import java.util.List;

/**
 * Decides the mode: {@code steadfast.mode}, else MicroProfile Config profile {@code dev}, else production.
 */
public final class Modes {

    /** MicroProfile Config's profile property. */
    public static final String MP_PROFILE = "mp.config.profile";

    private Modes() {
    }

    /**
     * @param config where to read; receives {@link Rule#INVALID_MODE} when the mode is misspelt
     * @return the mode; a misspelt mode counts as production, the safe side
     */
    public static Mode resolve(PropertyReader config) {
        if (config.get(SteadfastProperties.MODE).isPresent()) {
            return config.parsed(SteadfastProperties.MODE, Mode.PRODUCTION, RejectedValue::of, Rule.INVALID_MODE,
                    Mode::parse, "neither production nor development",
                    "set production or development; until then Steadfast runs as production");
        }
        boolean devProfile = config.value(MP_PROFILE)
                .map(v -> List.of(v.split(",")).stream().map(String::trim).anyMatch("dev"::equals))
                .orElse(false);
        return devProfile ? Mode.DEVELOPMENT : Mode.PRODUCTION;
    }
}
