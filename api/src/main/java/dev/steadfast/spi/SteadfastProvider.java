package dev.steadfast.spi;

import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.SecretPolicy;

import java.util.List;

import org.eclipse.microprofile.config.Config;

/**
 * What an implementation provides. Register it in {@code META-INF/services/dev.steadfast.spi.SteadfastProvider};
 * applications reach it through {@link dev.steadfast.Steadfast#provider()}.
 */
public interface SteadfastProvider {

    /**
     * @return the secret policy
     */
    SecretPolicy secretPolicy();

    /**
     * Reads and judges Steadfast's configuration: the key ring ({@code steadfast.keys} and each key's properties)
     * and the secrets listed in {@code steadfast.validate}.
     *
     * @param config the application's configuration
     * @return every finding, all at once; empty when the configuration is fit for production
     */
    List<Finding> validate(Config config);

    /**
     * Builds the key ring from configuration.
     *
     * @param config the application's configuration
     * @return the key ring, primary first
     * @throws SteadfastConfigurationException carrying every finding when the keys cannot be used
     */
    KeyRing keyRing(Config config);

    /**
     * @param keys    the keys to seal sessions with (primary) and open them with (all)
     * @param options audience, timeouts, size and clock
     * @return a thread-safe codec
     */
    SessionCodec sessionCodec(KeyRing keys, CodecOptions options);
}
