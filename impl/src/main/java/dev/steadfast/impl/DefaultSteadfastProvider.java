package dev.steadfast.impl;

import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.impl.boot.Bootstrap;
import dev.steadfast.impl.boot.ValidationReport;
import dev.steadfast.impl.codec.MigratingCodec;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.policy.DefaultSecretPolicy;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.SecretPolicy;
import dev.steadfast.spi.SteadfastProvider;

import java.util.List;

import org.eclipse.microprofile.config.Config;

/**
 * Steadfast's implementation of the SPI, registered for {@link java.util.ServiceLoader}. The runtime reaches it the
 * same way ({@link Bootstrap}), and its judgement of a configuration is the bootstrap's, so what the TCK certifies
 * here is what production runs.
 */
public final class DefaultSteadfastProvider implements SteadfastProvider {

    private final SecretPolicy policy = new DefaultSecretPolicy();

    @Override
    public SecretPolicy secretPolicy() {
        return policy;
    }

    @Override
    public List<Finding> validate(Config config) {
        return Bootstrap.check(policy, PropertyLookup.of(config)).findings();
    }

    @Override
    public KeyRing keyRing(Config config) {
        ValidationReport report = Bootstrap.check(policy, PropertyLookup.of(config));
        if (report.refusesDeployment()) {
            throw new SteadfastConfigurationException(report.findings());
        }
        return report.keys().keyRing()
                .orElseThrow(() -> new SteadfastConfigurationException(report.findings()));
    }

    /**
     * @return a codec that writes the format {@link CodecOptions#format()} names (JWS by default, or JWE) and reads
     *         both, re-issuing a cookie of the other format, so that switching formats logs nobody out
     */
    @Override
    public SessionCodec sessionCodec(KeyRing keys, CodecOptions options) {
        return MigratingCodec.of(keys, options);
    }
}
