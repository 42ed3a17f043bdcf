package dev.steadfast.tck.app;

import dev.steadfast.Secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A secret whose required strength is exactly the floor of DEPLOY-9 (64 bits): accepted. */
@ApplicationScoped
public class FloorBoundBean {

    @Inject
    @ConfigProperty(name = "legacy.api-key")
    @Secret(minBits = 64)
    String apiKey;
}
