package dev.steadfast.impl.keys;

import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.SecretCandidate;

import java.util.List;
import java.util.Optional;

/**
 * What {@link KeyRingLoader} read: the usable keys, the secrets the policy must still judge, and the structural
 * problems found on the way.
 *
 * @param keys       keys whose configuration is complete, in listed order
 * @param candidates one per usable key, for the secret policy
 * @param findings   structural problems (missing secret, bad id, unreadable file...)
 * @param warnings   complete warning messages for production that do not refuse the deployment (secret file
 *                   readable by others...), never containing a secret
 */
public record LoadedKeys(List<SigningKey> keys, List<SecretCandidate> candidates, List<Finding> findings,
                         List<String> warnings) {

    public LoadedKeys {
        keys = List.copyOf(keys);
        candidates = List.copyOf(candidates);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** @return the key ring, when at least one key is usable */
    public Optional<KeyRing> keyRing() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(KeyRing.of(keys));
    }
}
