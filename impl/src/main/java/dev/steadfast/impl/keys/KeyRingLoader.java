package dev.steadfast.impl.keys;

import dev.steadfast.SteadfastProperties;
import dev.steadfast.impl.config.ConfigEntry;
import dev.steadfast.impl.config.Durations;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the key ring from configuration ({@code steadfast.keys} and {@code steadfast.key.<id>.*}), collecting every
 * structural problem instead of stopping at the first.
 */
public final class KeyRingLoader {

    /** How users generate a key; every fix that needs a new key says this. */
    public static final String KEYGEN = "`java -jar steadfast-impl-cli.jar keygen`";

    private static final Pattern KEY_ID = Pattern.compile(SteadfastProperties.KEY_ID_PATTERN);

    private KeyRingLoader() {
    }

    /**
     * @param config          where to read
     * @param absoluteTimeout the absolute session timeout, to judge the signing key's {@code retire-at}
     * @param now             the current time
     * @return the keys and findings; never throws for bad configuration
     */
    public static LoadedKeys load(PropertyLookup config, Duration absoluteTimeout, Instant now) {
        List<SigningKey> keys = new ArrayList<>();
        List<SecretCandidate> candidates = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();

        Optional<ConfigEntry> listed = config.get(SteadfastProperties.KEYS);
        List<String> ids = listed.map(e -> splitIds(e.value())).orElse(List.of());
        if (ids.isEmpty()) {
            findings.add(new Finding(Rule.NO_KEYS, SteadfastProperties.KEYS,
                    listed.map(ConfigEntry::source).orElse(PropertyLookup.NOT_SET),
                    "lists no key, so there is no key to sign sessions with",
                    "generate one with " + KEYGEN + " and set the lines it prints (steadfast.keys and "
                            + "steadfast.key.<id>.secret, or STEADFAST_KEYS and STEADFAST_KEY_<ID>_SECRET)"));
            return new LoadedKeys(keys, candidates, findings);
        }
        String listSource = listed.get().source();
        Set<String> seen = new HashSet<>();
        boolean first = true;
        for (String id : ids) {
            boolean primary = first;
            first = false;
            if (looksLikeSecret(id)) {
                // A secret pasted into the id list must not be echoed back by the very message that catches it.
                findings.add(new Finding(Rule.INVALID_KEY_ID, SteadfastProperties.KEYS, listSource,
                        "lists a key id of " + id.length() + " characters without a '-', which looks like a secret "
                                + "rather than a name (not shown)",
                        "list key names such as 2026-11 in " + SteadfastProperties.KEYS + " and put each secret in "
                                + "steadfast.key.<id>.secret; if that value was a real secret, replace it, since it "
                                + "may have been exposed with the key list"));
                continue;
            }
            if (!KEY_ID.matcher(id).matches()) {
                findings.add(new Finding(Rule.INVALID_KEY_ID, SteadfastProperties.KEYS, listSource,
                        "lists key id '" + id + "', which does not match " + SteadfastProperties.KEY_ID_PATTERN,
                        "use lower-case letters, digits and '-', at most 32 characters, e.g. 2026-11 "
                                + "(upper case is refused because environment variables cannot tell it apart)"));
                continue;
            }
            if (!seen.add(id)) {
                findings.add(new Finding(Rule.DUPLICATE_KEY_ID, SteadfastProperties.KEYS, listSource,
                        "lists key id '" + id + "' more than once", "list each key once"));
                continue;
            }
            loadKey(config, id, primary, absoluteTimeout, now, keys, candidates, findings);
        }
        return new LoadedKeys(keys, candidates, findings);
    }

    private static void loadKey(PropertyLookup config, String id, boolean primary, Duration absoluteTimeout,
                                Instant now, List<SigningKey> keys, List<SecretCandidate> candidates,
                                List<Finding> findings) {
        String secretName = SteadfastProperties.keySecret(id);
        String fileName = SteadfastProperties.keySecretFile(id);
        Optional<ConfigEntry> secret = config.get(secretName);
        Optional<ConfigEntry> file = config.get(fileName);
        // A bad date only loses the date; a bad algorithm or secret loses the key.
        boolean usable = true;

        Algorithm algorithm = Algorithm.HS256;
        Optional<ConfigEntry> alg = config.get(SteadfastProperties.keyAlgorithm(id));
        if (alg.isPresent()) {
            try {
                algorithm = Algorithm.parse(alg.get().value());
            } catch (IllegalArgumentException e) {
                findings.add(new Finding(Rule.INVALID_ALGORITHM, alg.get().name(), alg.get().source(),
                        "is '" + alg.get().value() + "', which is not HS256, HS384 or HS512",
                        "set HS256, HS384 or HS512, or remove the property to use HS256"));
                usable = false;
            }
        }
        Instant createdAt = instant(config, SteadfastProperties.keyCreatedAt(id), findings);
        Instant retireAt = instant(config, SteadfastProperties.keyRetireAt(id), findings);

        ConfigEntry secretEntry = null;
        String secretValue = null;
        if (secret.isPresent() && file.isPresent()) {
            findings.add(new Finding(Rule.SECRET_AND_FILE, secretName, secret.get().source(),
                    "is set and so is " + fileName + " (" + file.get().source() + ")",
                    "set only one of them"));
        } else if (secret.isPresent()) {
            secretEntry = secret.get();
            secretValue = secretEntry.value();
        } else if (file.isPresent()) {
            secretEntry = file.get();
            try {
                secretValue = SecretFiles.read(file.get().value());
            } catch (SecretFiles.SecretFileException e) {
                String path = file.get().value();
                // A secret pasted where its path belongs must not be echoed: show only what looks like a path.
                boolean pathLike = path.indexOf('/') >= 0 || path.indexOf('\\') >= 0;
                findings.add(new Finding(Rule.UNREADABLE_SECRET_FILE, fileName, file.get().source(),
                        e.getMessage() + (pathLike ? " (path: " + path + ")"
                                : " (the value is not a path, so it is not shown: is it the secret itself?)"),
                        pathLike ? "mount the secret at that path, or correct the path"
                                : "set " + fileName + " to the file's absolute path, or put the secret in "
                                + secretName));
            }
        } else {
            findings.add(new Finding(Rule.MISSING_SECRET, secretName, PropertyLookup.NOT_SET,
                    "is not set, and neither is " + fileName + ", but key '" + id + "' is listed in "
                            + SteadfastProperties.KEYS,
                    "generate a secret with " + KEYGEN + " and set " + secretName
                            + ", or remove '" + id + "' from " + SteadfastProperties.KEYS));
        }

        if (primary && retireAt != null) {
            if (!retireAt.isAfter(now)) {
                findings.add(new Finding(Rule.SIGNING_KEY_RETIRED, SteadfastProperties.keyRetireAt(id),
                        config.sourceOf(SteadfastProperties.keyRetireAt(id)),
                        "is " + retireAt + ", already past, but '" + id + "' is the signing key (first in "
                                + SteadfastProperties.KEYS + ")",
                        "put a current key first in " + SteadfastProperties.KEYS
                                + " (see docs/rotation.md)"));
            } else if (retireAt.isBefore(now.plus(absoluteTimeout))) {
                findings.add(new Finding(Rule.RETIRES_TOO_SOON, SteadfastProperties.keyRetireAt(id),
                        config.sourceOf(SteadfastProperties.keyRetireAt(id)),
                        "is " + retireAt + ", sooner than a session signed now may live (absolute timeout "
                                + Durations.format(absoluteTimeout) + "), yet '" + id + "' is the signing key",
                        "sign with a key that retires later (first in " + SteadfastProperties.KEYS
                                + "), or move retire-at back"));
            }
        }

        if (usable && secretValue != null) {
            SecretBytes bytes = SecretBytes.fromUtf8(secretValue);
            keys.add(SigningKey.of(id, algorithm, bytes, createdAt, retireAt));
            candidates.add(new SecretCandidate(secretEntry.name(), secretEntry.source(), Optional.of(bytes),
                    algorithm.macBits()));
        }
    }

    private static Instant instant(PropertyLookup config, String name, List<Finding> findings) {
        Optional<ConfigEntry> entry = config.get(name);
        if (entry.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(entry.get().value().trim());
        } catch (DateTimeParseException e) {
            findings.add(new Finding(Rule.INVALID_VALUE, name, entry.get().source(),
                    "is '" + entry.get().value() + "', which is not an ISO-8601 instant",
                    "write it like 2026-11-22T00:00:00Z"));
            return null;
        }
    }

    // Names people give keys are short or dashed (2026-11, primary, k1); generated secrets are long and unbroken.
    static boolean looksLikeSecret(String id) {
        return id.length() > 16 && id.indexOf('-') < 0;
    }

    static List<String> splitIds(String value) {
        List<String> ids = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String id = part.trim();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
