package dev.steadfast.impl.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The values an attacker can compute from public inputs: the input itself and its common digests.
 *
 * <p>"Unique per host" secrets such as {@code sha256(hostname)} look random and pass every strength test, yet
 * anyone who knows the host name has them. Built once per evaluation, since the inputs come with the context.
 */
final class PublicInputDerivations {

    /** Shorter hex prefixes are too likely to occur by chance and carry too little of the digest to matter. */
    static final int MIN_PREFIX = 16;

    /** The derivation reported when the value is a public input itself rather than a digest of one. */
    static final String INPUT_ITSELF = "input";

    private static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-512");

    private final Set<String> inputs = new LinkedHashSet<>();
    private final List<Digest> digests = new ArrayList<>();

    // Encodings without padding, so that padded and unpadded spellings both match as prefixes.
    private record Digest(String algorithm, String hex, String base64, String base64url) {
    }

    /**
     * @param publicInputs host name, application name, context path and the like
     */
    PublicInputDerivations(Set<String> publicInputs) {
        Set<String> forms = new LinkedHashSet<>();
        for (String input : publicInputs) {
            if (input == null || input.isBlank()) {
                continue;
            }
            forms.add(input);
            forms.add(input.toLowerCase(Locale.ROOT));
            inputs.add(input.toLowerCase(Locale.ROOT));
        }
        for (String form : forms) {
            for (String algorithm : ALGORITHMS) {
                byte[] digest = messageDigest(algorithm).digest(form.getBytes(StandardCharsets.UTF_8));
                digests.add(new Digest(algorithm, HexFormat.of().formatHex(digest),
                        Base64.getEncoder().withoutPadding().encodeToString(digest),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(digest)));
            }
        }
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide these.
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /**
     * @param value a configured secret
     * @return how it derives from a public input: {@link #INPUT_ITSELF} for the input itself, otherwise the digest
     *         algorithm's name; empty when it does not
     */
    Optional<String> derivation(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (inputs.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return Optional.of(INPUT_ITSELF);
        }
        boolean hex = trimmed.length() >= MIN_PREFIX && HexText.isHex(trimmed);
        String lowerHex = hex ? trimmed.toLowerCase(Locale.ROOT) : null;
        String unpadded = Encodings.stripPadding(trimmed);
        for (Digest digest : digests) {
            if (hex && digest.hex().startsWith(lowerHex)) {
                return Optional.of(digest.algorithm());
            }
            if (unpadded.length() >= MIN_PREFIX
                    && (digest.base64().startsWith(unpadded) || digest.base64url().startsWith(unpadded))) {
                return Optional.of(digest.algorithm());
            }
        }
        return Optional.empty();
    }

}
