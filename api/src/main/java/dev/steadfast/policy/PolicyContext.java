package dev.steadfast.policy;

import dev.steadfast.Mode;

import java.util.Objects;
import java.util.Set;

/**
 * What the policy knows about the deployment beyond the secrets themselves.
 *
 * @param mode         production refuses development keys; development tolerates them
 * @param publicInputs values an attacker can learn (host name, application name, context path): a secret derived
 *                     from one of them is a finding
 */
public record PolicyContext(Mode mode, Set<String> publicInputs) {

    /** Defensive copy. */
    public PolicyContext {
        Objects.requireNonNull(mode, "mode");
        publicInputs = Set.copyOf(publicInputs);
    }
}
