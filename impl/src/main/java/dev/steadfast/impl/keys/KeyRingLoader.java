package dev.steadfast.impl.keys;

import dev.steadfast.SteadfastProperties;
import dev.steadfast.impl.config.ConfigEntry;
import dev.steadfast.impl.config.Durations;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.config.PropertyReader;
import dev.steadfast.impl.config.RejectedValue;
import dev.steadfast.impl.message.Message;
import dev.steadfast.impl.message.Messages;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;

import java.time.Duration;
import java.time.Instant;
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

    private static final Pattern KEY_ID = Pattern.compile(SteadfastProperties.KEY_ID_PATTERN);

    private final PropertyReader reader;
    private final Duration absoluteTimeout;
    private final Instant now;
    private final List<SigningKey> keys = new ArrayList<>();
    private final List<SecretCandidate> candidates = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private KeyRingLoader(PropertyLookup config, Duration absoluteTimeout, Instant now) {
        this.reader = new PropertyReader(config);
        this.absoluteTimeout = absoluteTimeout;
        this.now = now;
    }

    /**
     * @param config          where to read
     * @param absoluteTimeout the absolute session timeout, to judge the signing key's {@code retire-at}
     * @param now             the current time
     * @return the keys and findings; never throws for bad configuration
     */
    public static LoadedKeys load(PropertyLookup config, Duration absoluteTimeout, Instant now) {
        return new KeyRingLoader(config, absoluteTimeout, now).load();
    }

    private LoadedKeys load() {
        Optional<ConfigEntry> listed = reader.get(SteadfastProperties.KEYS);
        List<String> ids = listed.map(e -> splitIds(e.value())).orElse(List.of());
        if (ids.isEmpty()) {
            reader.report(new Finding(Rule.NO_KEYS, SteadfastProperties.KEYS,
                    listed.map(ConfigEntry::source).orElse(PropertyLookup.NOT_SET),
                    "lists no key, so there is no key to sign sessions with",
                    "generate one with " + Messages.KEYGEN + " and set the lines it prints (steadfast.keys and "
                            + "steadfast.key.<id>.secret, or STEADFAST_KEYS and STEADFAST_KEY_<ID>_SECRET)"));
            return loaded();
        }
        String listSource = listed.get().source();
        if (ids.stream().anyMatch(id -> !RejectedValue.ofKeyId(id).shown())) {
            // A secret pasted into the list must not be echoed by the very message that catches it. It may contain
            // ',' and so split into short pieces that pass for ids: once any entry may be a secret, no entry is
            // shown and no key is loaded (its id would appear in the messages about that key).
            reader.report(new Finding(Rule.INVALID_KEY_ID, SteadfastProperties.KEYS, listSource,
                    ids.size() == 1
                            ? "lists " + RejectedValue.describe(ids.get(0)) + " where a key id belongs, not shown as "
                            + "it may be a secret"
                            : "lists " + ids.size() + " entries where key ids belong, not shown as at least one may "
                            + "be a secret: " + RejectedValue.describeAll(ids),
                    "list key names such as 2026-11 (lower-case letters, digits and '-', at most 32 characters) in "
                            + SteadfastProperties.KEYS + " and put each secret in steadfast.key.<id>.secret; "
                            + RejectedValue.REGENERATE));
            return loaded();
        }
        Set<String> seen = new HashSet<>();
        boolean first = true;
        for (String id : ids) {
            boolean primary = first;
            first = false;
            if (!KEY_ID.matcher(id).matches()) {
                reader.report(new Finding(Rule.INVALID_KEY_ID, SteadfastProperties.KEYS, listSource,
                        "lists key id " + RejectedValue.ofKeyId(id) + ", which does not match "
                                + SteadfastProperties.KEY_ID_PATTERN,
                        "use lower-case letters, digits and '-', at most 32 characters, e.g. 2026-11 "
                                + "(upper case is refused because environment variables cannot tell it apart)"));
                continue;
            }
            if (!seen.add(id)) {
                reader.report(new Finding(Rule.DUPLICATE_KEY_ID, SteadfastProperties.KEYS, listSource,
                        "lists key id '" + id + "' more than once", "list each key once"));
                continue;
            }
            loadKey(id, primary);
        }
        return loaded();
    }

    private LoadedKeys loaded() {
        return new LoadedKeys(keys, candidates, reader.findings(), warnings);
    }

    private void loadKey(String id, boolean primary) {
        String secretName = SteadfastProperties.keySecret(id);
        String fileName = SteadfastProperties.keySecretFile(id);
        Optional<ConfigEntry> secret = reader.get(secretName);
        Optional<ConfigEntry> file = reader.get(fileName);
        // A bad date only loses the date; a bad algorithm or secret loses the key.
        boolean usable = true;

        String algName = SteadfastProperties.keyAlgorithm(id);
        // Unset means HS256; set but unknown loses the key (null).
        Algorithm algorithm = reader.get(algName).isEmpty() ? Algorithm.HS256
                : reader.parsed(algName, null, RejectedValue::of, Rule.INVALID_ALGORITHM, Algorithm::parse,
                "not HS256, HS384 or HS512", "set HS256, HS384 or HS512, or remove the property to use HS256");
        if (algorithm == null) {
            usable = false;
        }
        Instant createdAt = reader.instant(SteadfastProperties.keyCreatedAt(id)).orElse(null);
        Instant retireAt = reader.instant(SteadfastProperties.keyRetireAt(id)).orElse(null);

        ConfigEntry secretEntry = null;
        String secretValue = null;
        if (secret.isPresent() && file.isPresent()) {
            reader.report(new Finding(Rule.SECRET_AND_FILE, secretName, secret.get().source(),
                    "is set and so is " + fileName + " (" + file.get().source() + ")",
                    "set only one of them"));
        } else if (secret.isPresent()) {
            secretEntry = secret.get();
            // Stripped like a secret file's content, so one value set with a trailing newline through an
            // environment variable and through a mounted file is one key.
            secretValue = secretEntry.value().strip();
            if (secretValue.isEmpty()) {
                reader.report(new Finding(Rule.MISSING_SECRET, secretName, secretEntry.source(),
                        "is only white space, so key '" + id + "' has no secret",
                        "generate a secret with " + Messages.KEYGEN + " and set " + secretName));
                secretValue = null;
            }
        } else if (file.isPresent()) {
            secretEntry = file.get();
            String path = file.get().value();
            // A secret pasted where its path belongs must not be echoed: show only what is shaped like a path.
            RejectedValue shownPath = RejectedValue.ofPath(path);
            try {
                secretValue = SecretFiles.read(path);
                for (String problem : SecretFiles.hygiene(path)) {
                    warnings.add(Message.SECRET_FILE_HYGIENE.format(fileName, file.get().source(), problem,
                            shownPath.shown() ? " (path: " + path + ")" : ""));
                }
            } catch (SecretFiles.SecretFileException e) {
                reader.report(new Finding(Rule.UNREADABLE_SECRET_FILE, fileName, file.get().source(),
                        e.getMessage() + (shownPath.shown() ? " (path: " + path + ")"
                                : ", and is " + RejectedValue.describe(path) + ", not shown: it is not shaped "
                                + "like a file path, so it may be the secret itself"),
                        shownPath.shown() ? "mount the secret at that path, or correct the path"
                                : shownPath.fix("set " + fileName + " to the file's absolute path, or put the "
                                + "secret in " + secretName)));
            }
        } else {
            reader.report(new Finding(Rule.MISSING_SECRET, secretName, PropertyLookup.NOT_SET,
                    "is not set, and neither is " + fileName + ", but key '" + id + "' is listed in "
                            + SteadfastProperties.KEYS,
                    "generate a secret with " + Messages.KEYGEN + " and set " + secretName
                            + ", or remove '" + id + "' from " + SteadfastProperties.KEYS));
        }

        if (primary && retireAt != null) {
            if (!retireAt.isAfter(now)) {
                reader.report(new Finding(Rule.SIGNING_KEY_RETIRED, SteadfastProperties.keyRetireAt(id),
                        reader.sourceOf(SteadfastProperties.keyRetireAt(id)),
                        "is " + retireAt + ", already past, but '" + id + "' is the signing key (first in "
                                + SteadfastProperties.KEYS + ")",
                        "put a current key first in " + SteadfastProperties.KEYS
                                + " (see docs/rotation.md)"));
            } else if (retireAt.isBefore(now.plus(absoluteTimeout))) {
                reader.report(new Finding(Rule.RETIRES_TOO_SOON, SteadfastProperties.keyRetireAt(id),
                        reader.sourceOf(SteadfastProperties.keyRetireAt(id)),
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
