package dev.steadfast.impl.validation;

import dev.steadfast.SteadfastProperties;
import dev.steadfast.codec.CodecOptions;
import dev.steadfast.impl.config.ConfigEntry;
import dev.steadfast.impl.config.Durations;
import dev.steadfast.impl.config.Modes;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.config.RejectedValue;
import dev.steadfast.impl.keys.KeyRingLoader;
import dev.steadfast.impl.keys.LoadedKeys;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.Mode;
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
 * The whole deploy-time judgement in one place, shared by the servlet initializer, the CDI extension and the
 * provider: mode, key ring, {@code steadfast.validate} secrets, secrets found by CDI, then the policy over all of
 * them together so that reuse across properties is caught.
 */
public final class ConfigurationCheck {

    /** Default signing-key age that draws a rotation warning. */
    public static final Duration DEFAULT_ROTATION_PERIOD = Duration.ofDays(180);

    /** Minimum strength required of application secrets named in {@code steadfast.validate}. */
    public static final int DEFAULT_REQUIRED_BITS = 256;

    /**
     * Longest duration accepted for any setting: 100 years. Longer ones (ISO-8601 allows about 292 billion years)
     * overflowed instant arithmetic at deployment instead of drawing a finding.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(36500);

    private final SecretPolicy policy;

    /**
     * @param policy the policy to apply
     */
    public ConfigurationCheck(SecretPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param config       where to read
     * @param extra        secrets found elsewhere (CDI injection points), judged with the rest
     * @param publicInputs values an attacker can learn, such as the host name
     * @param now          the current time
     * @return the report; never throws for bad configuration
     */
    public ValidationReport run(PropertyLookup config, List<SecretCandidate> extra, Set<String> publicInputs,
                                Instant now) {
        List<Finding> findings = new ArrayList<>();
        Mode mode = Modes.resolve(config, findings);
        Duration absoluteTimeout = duration(config, SteadfastProperties.SESSION_ABSOLUTE_TIMEOUT,
                CodecOptions.DEFAULT_ABSOLUTE_TIMEOUT, findings);
        Duration rotationPeriod = duration(config, SteadfastProperties.KEY_ROTATION_PERIOD,
                DEFAULT_ROTATION_PERIOD, findings);
        LoadedKeys keys = KeyRingLoader.load(config, absoluteTimeout, now);
        findings.addAll(keys.findings());

        List<SecretCandidate> candidates = new ArrayList<>(keys.candidates());
        candidates.addAll(validateList(config, findings));
        candidates.addAll(extra);
        findings.addAll(policy.evaluate(distinctByProperty(candidates), new PolicyContext(mode, publicInputs)));
        return new ValidationReport(mode, keys, findings, absoluteTimeout, rotationPeriod);
    }

    private static List<SecretCandidate> validateList(PropertyLookup config, List<Finding> findings) {
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
            findings.add(new Finding(Rule.MISSING_VALUE, SteadfastProperties.VALIDATE, list.get().source(),
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

    /**
     * Reads a duration property, recording an {@link Rule#INVALID_VALUE} finding and using the default when it
     * does not parse.
     *
     * @param config   where to read
     * @param name     the property
     * @param fallback used when unset or invalid
     * @param findings receives the finding
     * @return the duration
     */
    public static Duration duration(PropertyLookup config, String name, Duration fallback, List<Finding> findings) {
        Optional<ConfigEntry> entry = config.get(name);
        if (entry.isEmpty()) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(entry.get().value());
            if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("not positive, or too long");
            }
            return d;
        } catch (IllegalArgumentException e) {
            RejectedValue shown = RejectedValue.ofDuration(entry.get().value());
            findings.add(new Finding(Rule.INVALID_VALUE, name, entry.get().source(),
                    "is " + shown + ", which is not a positive duration of at most 36500d (100 years)",
                    shown.fix("write it like 30s, 30m, 12h, 7d or PT30M")));
            return fallback;
        }
    }
}
