package dev.steadfast.impl.validation;

import dev.steadfast.Mode;
import dev.steadfast.keys.KeyRing;

import java.util.Objects;

/**
 * What a successful deploy-time validation hands to the rest of Steadfast for one application.
 *
 * @param app    the application (audience or context path)
 * @param mode   the mode in force
 * @param keys   the key ring to sign and verify with: configured keys, or the development key
 * @param report the full validation report
 */
public record Deployment(String app, Mode mode, KeyRing keys, ValidationReport report) {

    public Deployment {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(report, "report");
    }
}
