package dev.steadfast.policy;

import dev.steadfast.keys.SecretBytes;

import java.util.Objects;
import java.util.Optional;

/**
 * A secret to judge: the property it was read from, where the value came from, the value (if any) and the strength
 * it must reach.
 *
 * @param property     the configuration property, e.g. {@code jwt.secret}
 * @param source       config source name and ordinal, for messages; never the value
 * @param value        the value the application will receive, or empty when it has none
 * @param requiredBits minimum estimated strength in bits
 */
public record SecretCandidate(String property, String source, Optional<SecretBytes> value, int requiredBits) {

    /**
     * @throws IllegalArgumentException when {@code requiredBits} is below 64
     */
    public SecretCandidate {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
        if (requiredBits < 64) {
            throw new IllegalArgumentException("requiredBits is below 64: " + requiredBits);
        }
    }

    /** @return the candidate's property and source, never its value */
    @Override
    public String toString() {
        return "SecretCandidate[" + property + " (" + source + "), " + (value.isPresent() ? "set" : "not set")
                + ", requiredBits=" + requiredBits + "]";
    }
}
