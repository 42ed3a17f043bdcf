package dev.steadfast.impl.boot;

import dev.steadfast.Mode;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.impl.config.ContainerSessionPolicy;
import dev.steadfast.impl.session.SessionSettings;
import dev.steadfast.keys.KeyRing;

import java.util.Objects;

/**
 * What {@link Bootstrap} hands to the rest of Steadfast for one application that may take traffic.
 *
 * @param app               the application (audience or context path)
 * @param mode              the mode in force
 * @param keys              the key ring to sign and verify with: configured keys, or the development key
 * @param settings          the session settings
 * @param codec             the codec, from the provider
 * @param containerSessions what to do about state in the container's own session
 * @param report            the full validation report
 */
public record Deployment(String app, Mode mode, KeyRing keys, SessionSettings settings, SessionCodec codec,
                         ContainerSessionPolicy containerSessions, ValidationReport report) {

    public Deployment {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(containerSessions, "containerSessions");
        Objects.requireNonNull(report, "report");
    }
}
