package dev.steadfast.impl.cdi;

import dev.steadfast.Secret;
import dev.steadfast.impl.boot.InjectedSecret;

import jakarta.enterprise.inject.spi.InjectionPoint;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads an application injection point marked {@link Secret}: which property it reads, its default, and where it is.
 */
final class SecretInjectionPoint {

    private SecretInjectionPoint() {
    }

    /**
     * @param ip an injection point carrying {@code @Secret}
     * @return its description, or empty when it lacks {@code @ConfigProperty}
     */
    static Optional<InjectedSecret> of(InjectionPoint ip) {
        Secret secret = ip.getAnnotated().getAnnotation(Secret.class);
        Member member = ip.getMember();
        String location = member == null ? String.valueOf(ip.getType())
                : member.getDeclaringClass().getName() + "." + member.getName();
        for (Annotation q : ip.getQualifiers()) {
            if (q instanceof ConfigProperty) {
                ConfigProperty cp = (ConfigProperty) q;
                String name = cp.name().isEmpty() ? defaultName(member) : cp.name();
                String def = ConfigProperty.UNCONFIGURED_VALUE.equals(cp.defaultValue()) ? null : cp.defaultValue();
                return Optional.of(new InjectedSecret(name, def, location, secret.minBits()));
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
}
