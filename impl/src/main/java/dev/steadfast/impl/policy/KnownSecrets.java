package dev.steadfast.impl.policy;

import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Secrets that are public: framework defaults, tutorial and RFC examples, keys leaked in public code.
 *
 * <p>The list is {@code known-secrets.txt} beside this class, one entry a line; {@code #} lines are comments.
 * An entry is either text, compared with the configured string, or a binary key ({@code hex:...},
 * {@code base64:...}), which matches the configured bytes themselves and any hex, base64 or base64url spelling of
 * them, because applications decode keys in all of these ways.
 *
 * <p>Lookups are hash-set based and not constant-time: whether a value equals a public one is not a secret.
 */
final class KnownSecrets {

    static final String RESOURCE = "known-secrets.txt";

    private static final HexFormat HEX = HexFormat.of();

    // Insertion order, so that texts() lists them as the file does.
    private final Set<String> exact = new LinkedHashSet<>();
    private final Set<String> caseless = new HashSet<>();
    private final Set<String> binaryHex = new HashSet<>();
    private final Set<String> binaryEncodings = new HashSet<>();
    private final int size;

    private KnownSecrets(List<String> lines) {
        int entries = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                add(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + " of the known-secrets list is not a valid entry: " + e.getMessage(), e);
            }
            entries++;
        }
        this.size = entries;
    }

    private void add(String entry) {
        if (entry.startsWith("hex:")) {
            addBinary(HEX.parseHex(entry.substring("hex:".length())));
        } else if (entry.startsWith("base64:")) {
            String encoded = entry.substring("base64:".length()).replace('-', '+').replace('_', '/');
            addBinary(Base64.getDecoder().decode(encoded));
        } else {
            exact.add(entry);
            // Case changes the bytes, but not the fact that a spelling of a published word was chosen.
            if (foldsCase(entry)) {
                caseless.add(entry.toLowerCase(Locale.ROOT));
            }
        }
    }

    private void addBinary(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the key is empty");
        }
        binaryHex.add(HEX.formatHex(key));
        String standard = Base64.getEncoder().encodeToString(key);
        String url = Base64.getUrlEncoder().encodeToString(key);
        binaryEncodings.add(standard);
        binaryEncodings.add(url);
        binaryEncodings.add(Encodings.stripPadding(standard));
        binaryEncodings.add(Encodings.stripPadding(url));
    }

    /**
     * @return the list bundled with Steadfast, loaded once
     * @throws IllegalStateException when the resource is missing from the class path (a packaging error)
     */
    static KnownSecrets bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * @param lines the list's lines, in the bundled file's format
     * @return the parsed list
     * @throws IllegalArgumentException when an entry cannot be decoded
     */
    static KnownSecrets parse(List<String> lines) {
        Objects.requireNonNull(lines, "lines");
        return new KnownSecrets(lines);
    }

    /** @return the entries written as text (not the binary keys), in the list's order */
    Set<String> texts() {
        return Collections.unmodifiableSet(exact);
    }

    /** @return the number of entries */
    int size() {
        return size;
    }

    /**
     * @param value the configured string
     * @param bytes its UTF-8 bytes
     * @return whether it is a listed secret or a spelling of a listed binary key
     */
    boolean contains(String value, byte[] bytes) {
        String trimmed = value.strip();
        if (exact.contains(value) || exact.contains(trimmed)
                || binaryHex.contains(HEX.formatHex(bytes))
                || binaryEncodings.contains(trimmed)) {
            return true;
        }
        if (!foldsCase(trimmed)) {
            return false;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return caseless.contains(lower) || binaryHex.contains(lower);
    }

    /** Words and hex are matched in any case; base64 and other text only exactly. */
    private static boolean foldsCase(String text) {
        return WordTokens.isWordLike(text) || HexText.isHex(text);
    }

    // Holder idiom: loaded on first use, once, and safely published to every thread.
    private static final class Bundled {
        static final KnownSecrets INSTANCE = load();

        private static KnownSecrets load() {
            return new KnownSecrets(PolicyResources.lines(RESOURCE));
        }
    }
}
