package dev.steadfast.tck.app;

import dev.steadfast.Secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A secret whose only value is a tutorial default in the annotation: the value the application would receive.
 */
@ApplicationScoped
public class TutorialDefaultBean {

    @Inject
    @ConfigProperty(name = "tutorial.jwt.secret", defaultValue = "your-256-bit-secret")
    @Secret
    String jwtSecret;
}
