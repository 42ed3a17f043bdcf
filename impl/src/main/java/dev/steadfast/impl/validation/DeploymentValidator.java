package dev.steadfast.impl.validation;

import dev.steadfast.Mode;
import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.SteadfastProperties;
import dev.steadfast.impl.config.ConfigEntry;
import dev.steadfast.impl.config.Durations;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;
import dev.steadfast.policy.SecretPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs the configuration check for one application at deployment and acts on it by mode: production refuses any
 * finding; development warns, and signs with the persisted development key when no key is configured. Logs one
 * report, never a secret.
 */
public final class DeploymentValidator {

    /** Id of the single INFO line logged when an application is ready. */
    public static final String READY = "STEADFAST-2000";
    /** Id of the warning that the development key is in use. */
    public static final String DEV_KEY = "STEADFAST-2001";
    /** Id of the warning that the signing key is older than the rotation period. */
    public static final String KEY_AGE = "STEADFAST-2002";
    /** Id of the warning that a listed key has retired. */
    public static final String KEY_RETIRED = "STEADFAST-2003";
    /** Id of the warning listing findings tolerated in development mode. */
    public static final String DEV_FINDINGS = "STEADFAST-2004";

    /** Key id of the development key. */
    public static final String DEV_KEY_ID = "dev";

    private static final Logger LOG = Logger.getLogger("dev.steadfast");

    private final ConfigurationCheck check;

    /**
     * @param policy the secret policy
     */
    public DeploymentValidator(SecretPolicy policy) {
        this.check = new ConfigurationCheck(policy);
    }

    /**
     * @param app    the application's name: the session audience or the context path
     * @param config where to read
     * @param extra  secrets found by CDI
     * @param more   findings from other settings (session cookie), reported together with the rest
     * @param now    the current time
     * @return the deployment's key ring and report
     * @throws SteadfastConfigurationException with every finding, in production mode, after logging them
     */
    public Deployment validate(String app, PropertyLookup config, List<SecretCandidate> extra, List<Finding> more,
                               Instant now) {
        return validate(app, config, extra, more, List.of(), now);
    }

    /**
     * @param app      the application's name: the session audience or the context path
     * @param config   where to read
     * @param extra    secrets found by CDI or in a framework's configuration
     * @param more     findings from other settings (session cookie), reported together with the rest
     * @param problems deployment problems that are not about a Steadfast property (a framework that cannot work
     *                 with cookie sessions), full messages; acted on by mode like findings
     * @param now      the current time
     * @return the deployment's key ring and report
     * @throws SteadfastConfigurationException with every finding and problem, in production mode, after logging
     */
    public Deployment validate(String app, PropertyLookup config, List<SecretCandidate> extra, List<Finding> more,
                               List<String> problems, Instant now) {
        ValidationReport checked = check.run(config, extra, PublicInputs.ofThisHost(app), now);
        List<Finding> all = java.util.stream.Stream.concat(checked.findings().stream(), more.stream())
                .distinct().collect(Collectors.toList());
        ValidationReport report = new ValidationReport(checked.mode(), checked.keys(), all,
                checked.absoluteTimeout(), checked.rotationPeriod());
        if (report.mode() == Mode.PRODUCTION) {
            if (!report.findings().isEmpty() || !problems.isEmpty()) {
                SteadfastConfigurationException refused = new SteadfastConfigurationException(report.findings(),
                        problems);
                LOG.severe(() -> "Deployment of " + app + " refused. " + refused.getMessage());
                throw refused;
            }
            KeyRing keys = report.keys().keyRing().orElseThrow();
            logReady(app, report, keys, now);
            report.keys().warnings().forEach(LOG::warning);
            return new Deployment(app, report.mode(), keys, report);
        }

        KeyRing keys = report.keys().keyRing().orElse(null);
        List<Finding> tolerated = report.findings();
        if (keys == null) {
            Path path = config.get(SteadfastProperties.DEV_KEY_FILE)
                    .map(ConfigEntry::value).map(Path::of).orElseGet(() -> DevKeyStore.defaultPath(app));
            String secret = DevKeyStore.loadOrCreate(path);
            keys = KeyRing.of(SigningKey.of(DEV_KEY_ID, Algorithm.HS256, SecretBytes.fromUtf8(secret)));
            // The development key replaces the missing configuration, so "no keys" is not news in development.
            tolerated = tolerated.stream().filter(f -> f.rule() != Rule.NO_KEYS).collect(Collectors.toList());
            String fingerprint = keys.primary().fingerprint();
            LOG.warning(() -> DEV_KEY + ": " + app + " runs in development mode and signs sessions with the "
                    + "development key stored at " + path + " (fingerprint " + fingerprint + "), reused on every "
                    + "start. Production refuses this key: generate a real one with "
                    + "`java -jar steadfast-impl-cli.jar keygen` before deploying.");
        }
        if (!tolerated.isEmpty() || !problems.isEmpty()) {
            List<String> shown = java.util.stream.Stream.concat(tolerated.stream().map(Finding::message),
                    problems.stream()).collect(Collectors.toList());
            LOG.warning(() -> DEV_FINDINGS + ": " + app + " runs in development mode; production would refuse it ("
                    + shown.size() + (shown.size() == 1 ? " problem" : " problems") + "):"
                    + shown.stream().map(m -> System.lineSeparator() + "  " + m).collect(Collectors.joining()));
        }
        logReady(app, report, keys, now);
        return new Deployment(app, report.mode(), keys, report);
    }

    private static void logReady(String app, ValidationReport report, KeyRing keys, Instant now) {
        if (LOG.isLoggable(Level.INFO)) {
            String list = keys.keys().stream().map(k -> describe(k, k == keys.primary(), now))
                    .collect(Collectors.joining(", "));
            LOG.info(READY + ": Steadfast ready for " + app + " in " + report.mode().configValue()
                    + " mode; keys: " + list);
        }
        SigningKey signing = keys.primary();
        signing.createdAt().ifPresent(created -> {
            Duration age = Duration.between(created, now);
            if (age.compareTo(report.rotationPeriod()) > 0) {
                LOG.warning(() -> KEY_AGE + ": the signing key '" + signing.id() + "' is " + age.toDays()
                        + " days old (" + SteadfastProperties.keyCreatedAt(signing.id()) + "=" + created
                        + "), older than " + SteadfastProperties.KEY_ROTATION_PERIOD + " ("
                        + Durations.format(report.rotationPeriod()) + "). Rotate it: "
                        + "`java -jar steadfast-impl-cli.jar rotate` (docs/rotation.md).");
            }
        });
        for (SigningKey key : keys.keys()) {
            if (key != signing && key.isRetiredAt(now)) {
                LOG.warning(() -> KEY_RETIRED + ": key '" + key.id() + "' retired at " + key.retireAt().orElseThrow()
                        + " and no longer verifies; remove it from " + SteadfastProperties.KEYS + ".");
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
