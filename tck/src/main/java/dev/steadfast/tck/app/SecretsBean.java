package dev.steadfast.tck.app;

import dev.steadfast.Secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An application bean with two secrets marked {@link Secret}, the way users write them.
 */
@ApplicationScoped
public class SecretsBean {

    @Inject
    @ConfigProperty(name = "jwt.secret")
    @Secret
    String jwtSecret;

    @Inject
    @ConfigProperty(name = "admin.api-token")
    @Secret(minBits = 128)
    String apiToken;

    /** @return whether both secrets were injected */
    public boolean ready() {
        return jwtSecret != null && apiToken != null;
    }
}
