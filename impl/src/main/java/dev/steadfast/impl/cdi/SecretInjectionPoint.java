package dev.steadfast.impl.cdi;

import dev.steadfast.Secret;
import dev.steadfast.impl.config.ConfigEntry;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.SecretCandidate;

import jakarta.enterprise.inject.spi.InjectionPoint;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An application injection point marked {@link Secret}: which property it reads, its default, and where it is.
 *
 * @param property     the property name MicroProfile Config resolves for it
 * @param defaultValue the {@code @ConfigProperty(defaultValue)}, or null
 * @param location     the declaring class and member, for messages
 * @param requiredBits from {@link Secret#minBits()}
 */
record SecretInjectionPoint(String property, String defaultValue, String location, int requiredBits) {

    /**
     * @param ip an injection point carrying {@code @Secret}
     * @return its description, or empty when it lacks {@code @ConfigProperty}
     */
    static Optional<SecretInjectionPoint> of(InjectionPoint ip) {
        Secret secret = ip.getAnnotated().getAnnotation(Secret.class);
        Member member = ip.getMember();
        String location = member == null ? String.valueOf(ip.getType())
                : member.getDeclaringClass().getName() + "." + member.getName();
        for (Annotation q : ip.getQualifiers()) {
            if (q instanceof ConfigProperty) {
                ConfigProperty cp = (ConfigProperty) q;
                String name = cp.name().isEmpty() ? defaultName(member) : cp.name();
                String def = ConfigProperty.UNCONFIGURED_VALUE.equals(cp.defaultValue()) ? null : cp.defaultValue();
                return Optional.of(new SecretInjectionPoint(name, def, location, secret.minBits()));
            }
        }
        return Optional.empty();
    }

    // MicroProfile Config's rule for a field without a name: <fully qualified class>.<field>.
    private static String defaultName(Member member) {
        if (member instanceof Field) {
            return member.getDeclaringClass().getCanonicalName() + "." + member.getName();
        }
        return member == null ? "" : member.getDeclaringClass().getCanonicalName() + "." + member.getName();
    }

    /**
     * The value the application will actually receive: the configured one, else the annotation's default.
     *
     * @param config where to read
     * @return the candidate for the policy
     */
    SecretCandidate candidate(PropertyLookup config) {
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
