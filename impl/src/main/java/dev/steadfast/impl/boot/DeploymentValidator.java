package dev.steadfast.impl.boot;

import dev.steadfast.Mode;
import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.SteadfastProperties;
import dev.steadfast.impl.config.Durations;
import dev.steadfast.impl.keys.DevelopmentKey;
import dev.steadfast.impl.message.Message;
import dev.steadfast.impl.message.Messages;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Acts on the configuration check's report by mode: production refuses any finding; development warns, and signs
 * with the persisted development key when no key is configured. Logs one report, never a secret.
 */
final class DeploymentValidator {

    private DeploymentValidator() {
    }

    /**
     * @param app      the application's name: the session audience or the context path
     * @param report   the configuration check's report, with every finding of every setting
     * @param problems deployment problems that are not about a Steadfast property (a framework that cannot work
     *                 with cookie sessions, a CDI injection point), full messages; acted on by mode like findings
     * @param devKey   where the development key lives, used when development mode has no configured key
     * @param now      the current time
     * @return the key ring to sign and verify with: the configured keys, or the development key
     * @throws SteadfastConfigurationException with every finding and problem, in production mode, after logging
     */
    static KeyRing accept(String app, ValidationReport report, List<String> problems, Path devKey, Instant now) {
        if (report.mode() == Mode.PRODUCTION) {
            if (!report.findings().isEmpty() || !problems.isEmpty()) {
                throw refuse(app, new SteadfastConfigurationException(report.findings(), problems));
            }
            KeyRing keys = report.keys().keyRing().orElseThrow();
            logReady(app, report, keys, now);
            report.keys().warnings().forEach(Messages::warning);
            return keys;
        }

        KeyRing keys = report.keys().keyRing().orElse(null);
        List<Finding> tolerated = report.findings();
        if (keys == null) {
            keys = DevelopmentKey.ring(devKey);
            // The development key replaces the missing configuration, so "no keys" is not news in development.
            tolerated = tolerated.stream().filter(f -> f.rule() != Rule.NO_KEYS).collect(Collectors.toList());
            String fingerprint = keys.primary().fingerprint();
            Message.DEV_KEY.log(app, devKey, fingerprint);
        }
        warnDevelopment(app, Stream.concat(tolerated.stream().map(Finding::message), problems.stream())
                .collect(Collectors.toList()));
        logReady(app, report, keys, now);
        return keys;
    }

    /**
     * Acts on a finding made only once the keys are known (the session budget), by mode like every other.
     *
     * @param app     the application's name
     * @param mode    the mode in force
     * @param finding the finding
     * @throws SteadfastConfigurationException in production mode, after logging
     */
    static void acceptLate(String app, Mode mode, Finding finding) {
        if (mode == Mode.PRODUCTION) {
            throw refuse(app, new SteadfastConfigurationException(List.of(finding)));
        }
        warnDevelopment(app, List.of(finding.message()));
    }

    static SteadfastConfigurationException refuse(String app, SteadfastConfigurationException refused) {
        Messages.refused(app, refused.getMessage());
        return refused;
    }

    private static void warnDevelopment(String app, List<String> shown) {
        if (shown.isEmpty()) {
            return;
        }
        Message.DEV_FINDINGS.log(app, Messages.problems(shown.size()), Messages.list(shown));
    }

    private static void logReady(String app, ValidationReport report, KeyRing keys, Instant now) {
        if (Message.READY.isLoggable()) {
            String list = keys.keys().stream().map(k -> describe(k, k == keys.primary(), now))
                    .collect(Collectors.joining(", "));
            Message.READY.log(app, report.mode().configValue(), list);
        }
        SigningKey signing = keys.primary();
        signing.createdAt().ifPresent(created -> {
            Duration age = Duration.between(created, now);
            if (age.compareTo(report.rotationPeriod()) > 0) {
                Message.KEY_AGE.log(signing.id(), age.toDays(), SteadfastProperties.keyCreatedAt(signing.id()),
                        created, SteadfastProperties.KEY_ROTATION_PERIOD, Durations.format(report.rotationPeriod()));
            }
        });
        for (SigningKey key : keys.keys()) {
            if (key != signing && key.isRetiredAt(now)) {
                Message.KEY_RETIRED.log(key.id(), key.retireAt().orElseThrow(), SteadfastProperties.KEYS);
            }
        }
    }

    private static String describe(SigningKey key, boolean signs, Instant now) {
        StringBuilder sb = new StringBuilder(key.id()).append(" (").append(key.algorithm())
                .append(", fingerprint ").append(key.fingerprint());
        key.createdAt().ifPresent(c -> sb.append(", ").append(Duration.between(c, now).toDays()).append(" days old"));
        key.retireAt().ifPresent(r -> sb.append(", retires ").append(r));
        return sb.append(signs ? ", signs)" : ", verifies)").toString();
    }
}
