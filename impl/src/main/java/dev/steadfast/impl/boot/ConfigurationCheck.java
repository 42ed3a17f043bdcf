package dev.steadfast.impl.boot;

import dev.steadfast.Mode;
import dev.steadfast.SteadfastProperties;
import dev.steadfast.codec.CodecOptions;
import dev.steadfast.impl.config.ConfigEntry;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.config.PropertyReader;
import dev.steadfast.impl.config.RejectedValue;
import dev.steadfast.impl.keys.KeyRingLoader;
import dev.steadfast.impl.keys.LoadedKeys;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.PolicyContext;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;
import dev.steadfast.policy.SecretPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The deploy-time judgement of Steadfast's secrets, the part the SPI's {@code validate} and {@code keyRing} certify:
 * key ring, {@code steadfast.validate} secrets, secrets found elsewhere (CDI, Faces), then the policy over all of
 * them together so that reuse across properties is caught. {@link Bootstrap} runs it once per application.
 */
public final class ConfigurationCheck {

    /** Default signing-key age that draws a rotation warning. */
    public static final Duration DEFAULT_ROTATION_PERIOD = Duration.ofDays(180);

    /** Minimum strength required of application secrets named in {@code steadfast.validate}. */
    public static final int DEFAULT_REQUIRED_BITS = 256;

    private final SecretPolicy policy;

    /**
     * @param policy the policy to apply
     */
    public ConfigurationCheck(SecretPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param config where to read; receives every finding, so that those of other settings read through the same
     *               reader land in the same report
     * @param mode   the mode in force, read from {@code config}
     * @param app    the application's name, a public input the policy compares secrets against
     * @param extra  secrets found elsewhere (CDI injection points, Faces), judged with the rest
     * @param now    the current time
     * @return the report of every finding so far; never throws for bad configuration
     */
    public ValidationReport run(PropertyReader config, Mode mode, String app, List<SecretCandidate> extra,
                                Instant now) {
        Duration absoluteTimeout = config.duration(SteadfastProperties.SESSION_ABSOLUTE_TIMEOUT,
                CodecOptions.DEFAULT_ABSOLUTE_TIMEOUT);
        Duration rotationPeriod = config.duration(SteadfastProperties.KEY_ROTATION_PERIOD, DEFAULT_ROTATION_PERIOD);
        LoadedKeys keys = KeyRingLoader.load(config.lookup(), absoluteTimeout, now);
        keys.findings().forEach(config::report);

        List<SecretCandidate> candidates = new ArrayList<>(keys.candidates());
        candidates.addAll(validateList(config));
        candidates.addAll(extra);
        policy.evaluate(distinctByProperty(candidates), new PolicyContext(mode, PublicInputs.ofThisHost(app)))
                .forEach(config::report);
        return new ValidationReport(mode, keys, config.findings(), absoluteTimeout, rotationPeriod);
    }

    private static List<SecretCandidate> validateList(PropertyReader config) {
        List<SecretCandidate> out = new ArrayList<>();
        Optional<ConfigEntry> list = config.get(SteadfastProperties.VALIDATE);
        if (list.isEmpty()) {
            return out;
        }
        List<String> names = new ArrayList<>();
        for (String part : list.get().value().split(",")) {
            String name = part.trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        // A name that resolves is a property name; one that does not may be a secret pasted into the list (and
        // split at its commas), so unless every such name reads as a property name, none of them is shown.
        List<String> unset = names.stream().filter(name -> config.get(name).isEmpty()).toList();
        boolean showUnset = unset.stream().allMatch(name -> RejectedValue.ofPropertyName(name).shown());
        for (String name : names) {
            Optional<ConfigEntry> entry = config.get(name);
            if (entry.isEmpty() && !showUnset) {
                continue;
            }
            // Stripped as key secrets are (KeyRingLoader), so a trailing newline does not count as key material.
            out.add(new SecretCandidate(name, entry.map(ConfigEntry::source).orElse(PropertyLookup.NOT_SET),
                    entry.map(e -> e.value().strip()).filter(v -> !v.isEmpty()).map(SecretBytes::fromUtf8),
                    DEFAULT_REQUIRED_BITS));
        }
        if (!showUnset) {
            config.report(new Finding(Rule.MISSING_VALUE, SteadfastProperties.VALIDATE, list.get().source(),
                    (unset.size() == 1 ? "names " + RejectedValue.describe(unset.get(0)) + ", a property that is not "
                            + "set, not shown as it may be a secret"
                            : "names " + unset.size() + " properties that are not set, not shown as at least one may "
                            + "be a secret: " + RejectedValue.describeAll(unset)),
                    "list the names of the properties that hold secrets in " + SteadfastProperties.VALIDATE
                            + ", and set them; " + RejectedValue.REGENERATE));
        }
        return out;
    }

    // The same property reached through two routes (@Secret and steadfast.validate) is one secret, not a reuse.
    private static List<SecretCandidate> distinctByProperty(List<SecretCandidate> candidates) {
        Set<String> seen = new HashSet<>();
        List<SecretCandidate> out = new ArrayList<>();
        for (SecretCandidate c : candidates) {
            if (seen.add(c.property())) {
                out.add(c);
            }
        }
        return out;
    }
}
