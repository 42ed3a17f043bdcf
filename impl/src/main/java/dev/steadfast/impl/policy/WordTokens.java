package dev.steadfast.impl.policy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits human-made values into words, and tells them apart from generator output.
 *
 * <p>Placeholder words are matched only as whole tokens of a value whose every token looks like a word or a number
 * ({@code your-jwt-secret-here}, {@code CHANGE_ME}, {@code secret123}). Random base64url output, which also
 * contains {@code -} and {@code _}, almost never splits into such tokens, so a random key cannot trip over a short
 * placeholder word hidden inside it.
 */
final class WordTokens {

    private static final Pattern SEPARATORS = Pattern.compile("[-_. ]+");

    private WordTokens() {
    }

    /**
     * @param value a trimmed value
     * @return its lower-case tokens, separated by {@code -_. } runs; empty tokens dropped
     */
    static List<String> tokens(String value) {
        return SEPARATORS.splitAsStream(value)
                .filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * @param value a trimmed value
     * @return whether every token is a word or a number, so the value reads as words rather than random output
     */
    static boolean isWordLike(String value) {
        // A scan rather than a regex split: this runs on every value, and random ones fail within a few characters.
        // Each token must be letters optionally followed by digits (secret123, Base64), or digits alone (256).
        boolean any = false;
        boolean inDigits = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-' || c == '_' || c == '.' || c == ' ') {
                inDigits = false;
            } else if (c >= '0' && c <= '9') {
                inDigits = true;
                any = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                if (inDigits) {
                    return false;
                }
                any = true;
            } else {
                return false;
            }
        }
        return any;
    }
}
