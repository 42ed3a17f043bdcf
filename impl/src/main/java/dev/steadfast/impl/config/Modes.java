package dev.steadfast.impl.config;

import dev.steadfast.Mode;
import dev.steadfast.SteadfastProperties;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;

import java.util.List;
import java.util.Optional;

/**
 * Decides the mode: {@code steadfast.mode}, else MicroProfile Config profile {@code dev}, else production.
 */
public final class Modes {

    /** MicroProfile Config's profile property. */
    public static final String MP_PROFILE = "mp.config.profile";

    private Modes() {
    }

    /**
     * @param config   where to read
     * @param findings receives {@link Rule#INVALID_MODE} when the mode is misspelt
     * @return the mode; a misspelt mode counts as production, the safe side
     */
    public static Mode resolve(PropertyLookup config, List<Finding> findings) {
        Optional<ConfigEntry> mode = config.get(SteadfastProperties.MODE);
        if (mode.isPresent()) {
            try {
                return Mode.parse(mode.get().value());
            } catch (IllegalArgumentException e) {
                RejectedValue shown = RejectedValue.of(mode.get().value());
                findings.add(new Finding(Rule.INVALID_MODE, SteadfastProperties.MODE, mode.get().source(),
                        "is " + shown + ", which is neither production nor development",
                        shown.fix("set production or development; until then Steadfast runs as production")));
                return Mode.PRODUCTION;
            }
        }
        boolean devProfile = config.get(MP_PROFILE)
                .map(e -> List.of(e.value().split(",")).stream().map(String::trim).anyMatch("dev"::equals))
                .orElse(false);
        return devProfile ? Mode.DEVELOPMENT : Mode.PRODUCTION;
    }
}
