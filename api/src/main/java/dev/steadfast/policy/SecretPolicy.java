package dev.steadfast.policy;

import java.util.List;

/**
 * Judges secret values: missing, too weak, low diversity, placeholder, publicly known, derived from public inputs,
 * a development key in production, or the same value under two properties.
 *
 * <p>Implementations are pure: no I/O, no logging. Whether a finding fails the deployment is the caller's choice,
 * by mode.
 */
public interface SecretPolicy {

    /**
     * Evaluates all candidates together, so that reuse across properties is found.
     *
     * @param candidates the secrets to judge
     * @param context    what the policy knows about the deployment
     * @return every finding, all at once, in candidate order; empty when all secrets pass
     */
    List<Finding> evaluate(List<SecretCandidate> candidates, PolicyContext context);
}
