package dev.steadfast.impl.boot;

import dev.steadfast.impl.config.ConfigEntry;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.SecretCandidate;

import java.util.Objects;
import java.util.Optional;

/**
 * An application injection point marked {@code @Secret}: which property it reads, its default, and where it is.
 * Its value is read by the one deployment check, from the same configuration as Steadfast's keys.
 *
 * @param property     the property name MicroProfile Config resolves for it
 * @param defaultValue the {@code @ConfigProperty(defaultValue)}, or null
 * @param location     the declaring class and member, for messages
 * @param requiredBits from {@code @Secret(minBits)}
 */
public record InjectedSecret(String property, String defaultValue, String location, int requiredBits) {

    public InjectedSecret {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(location, "location");
    }

    /**
     * The value the application will actually receive: the configured one, else the annotation's default.
     *
     * @param config where to read
     * @return the candidate for the policy
     */
    public SecretCandidate candidate(PropertyLookup config) {
        Optional<ConfigEntry> entry = config.get(property);
        if (entry.isPresent()) {
            return new SecretCandidate(property, entry.get().source(),
                    Optional.of(SecretBytes.fromUtf8(entry.get().value())), requiredBits);
        }
        if (defaultValue != null && !defaultValue.isEmpty()) {
            return new SecretCandidate(property, "from @ConfigProperty(defaultValue) on " + location,
                    Optional.of(SecretBytes.fromUtf8(defaultValue)), requiredBits);
        }
        return new SecretCandidate(property, PropertyLookup.NOT_SET, Optional.empty(), requiredBits);
    }

    /** Never shows the default value, which is a secret too. */
    @Override
    public String toString() {
        return "SecretInjectionPoint[" + property + " at " + location + "]";
    }
}
