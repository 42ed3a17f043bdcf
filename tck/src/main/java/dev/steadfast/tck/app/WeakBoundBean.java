package dev.steadfast.tck.app;

import dev.steadfast.Secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A secret whose required strength is set just below the floor of DEPLOY-9 (64 bits), whatever its value. */
@ApplicationScoped
public class WeakBoundBean {

    @Inject
    @ConfigProperty(name = "legacy.pin")
    @Secret(minBits = 63)
    String pin;
}
