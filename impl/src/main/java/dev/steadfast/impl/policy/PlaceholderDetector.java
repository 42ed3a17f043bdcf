package dev.steadfast.impl.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises placeholders and template residue.
 *
 * <p>Template syntax uses characters that hex, base32, base64 and base64url output never contains, so those
 * patterns may match anywhere; single-character delimiters ({@code <>}, {@code %%}) are common in symbol-rich
 * passwords, so they need the whole value, a word boundary or an upper-case variable name. Placeholder words count
 * only as whole tokens of a word-like value (see {@link WordTokens}).
 */
final class PlaceholderDetector {

    private static final String DJANGO_INSECURE = "django-insecure-";

    /** What may surround template syntax for the value still to be residue: less than a 128-bit key's worth. */
    private static final double RESIDUE_BITS = 128;

    // Contents are restricted to identifier-like names of three or more characters because symbol-rich random
    // passwords contain $, #, {, < and % often enough to form loose patterns: with "anything between the braces"
    // about one 64-character printable-ASCII password in 500 was refused, with these about one in 5,000.
    private static final List<Pattern> TEMPLATES = List.of(
            // ${VAR}, ${VAR:default}, ${VAR:-default}, ${env:VAR} (shell, Spring, MicroProfile, Log4j lookups)
            Pattern.compile("\\$\\{\\s*[A-Za-z_][A-Za-z0-9_.\\-]{2,}\\s*(?::-?[A-Za-z0-9_.:\\- ]*)?}"),
            // #{bean.property}, #{systemEnvironment['VAR']}: Spring SpEL, JSF EL
            Pattern.compile("#\\{\\s*[A-Za-z_@][A-Za-z0-9_.@]{2,}(?:\\['[^'{}]*'])?\\s*}"),
            // {{ ... }}: Jinja, Helm, Mustache, Ansible
            Pattern.compile("\\{\\{[^{}]*}}"),
            // <secret> as the whole value, or after a space: "Bearer <token>"
            Pattern.compile("^<[A-Za-z][A-Za-z0-9 _.\\-]*>$"),
            Pattern.compile("\\s<[A-Za-z][A-Za-z0-9 _.\\-]{2,}>"),
            // %VAR% as the whole value, or a Windows variable with an underscore anywhere: %JWT_SECRET%
            Pattern.compile("^%[A-Za-z_][A-Za-z0-9_.\\-]*%$"),
            Pattern.compile("%[A-Z][A-Z0-9]*_[A-Z0-9_]+%"));

    // Tokens that mark a stand-in wherever they appear in a word-like value.
    private static final Set<String> MARKER_TOKENS = Set.of(
            "changeme", "changethis", "replaceme", "todo", "fixme", "tbd", "placeholder", "dummy", "example");

    // Words that are a stand-in only as the whole value; as one token among others they may be honest words.
    private static final Set<String> WHOLE_VALUES = Set.of(
            "secret", "password", "passwd", "example", "placeholder", "dummy", "default", "test", "null", "none",
            "undefined", "empty", "n/a");

    private static final Set<List<String>> MARKER_PAIRS = Set.of(
            List.of("change", "me"), List.of("change", "this"), List.of("replace", "me"), List.of("replace", "this"));

    private static final Set<String> LEADING_VERBS = Set.of("insert", "replace");

    private static final Pattern X_RUN = Pattern.compile("x{3,}");

    private PlaceholderDetector() {
    }

    /**
     * @param value a configured secret
     * @return the kind of placeholder, or empty when the value is not one
     */
    static Optional<PlaceholderKind> detect(String value) {
        String trimmed = value.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith(DJANGO_INSECURE)) {
            return Optional.of(PlaceholderKind.DJANGO_INSECURE);
        }
        if (hasTemplateCharacter(trimmed) && isResidue(trimmed)) {
            return Optional.of(PlaceholderKind.TEMPLATE);
        }
        if (WHOLE_VALUES.contains(lower)) {
            return Optional.of(PlaceholderKind.WORD);
        }
        if (WordTokens.isWordLike(trimmed) && hasPlaceholderTokens(WordTokens.tokens(trimmed))) {
            return Optional.of(PlaceholderKind.WORD);
        }
        return Optional.empty();
    }

    /**
     * Template syntax that leaves a strong value around it is a random password that happens to contain
     * {@code {{x}}} or {@code ${abc}} (one 64-character printable-ASCII password in about 5,000 does), not a
     * variable that was never substituted: residue is what is left when little else is.
     */
    private static boolean isResidue(String value) {
        String rest = value;
        boolean found = false;
        for (Pattern template : TEMPLATES) {
            Matcher matcher = template.matcher(rest);
            if (matcher.find()) {
                found = true;
                rest = matcher.replaceAll("");
            }
        }
        return found && (rest.isEmpty() || ClassifiedValue.of(rest).estimatedBits() < RESIDUE_BITS);
    }

    // Every template pattern needs one of these; generator alphabets have none, so most values skip the regexes.
    private static boolean hasTemplateCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '$' || c == '#' || c == '{' || c == '<' || c == '%') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPlaceholderTokens(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (MARKER_TOKENS.contains(token) || X_RUN.matcher(token).matches()) {
                return true;
            }
            if (i > 0 && MARKER_PAIRS.contains(List.of(tokens.get(i - 1), token))) {
                return true;
            }
        }
        int last = tokens.size() - 1;
        if (last >= 1 && LEADING_VERBS.contains(tokens.get(0))) {
            return true;
        }
        return last >= 2 && tokens.get(0).equals("your") && tokens.get(last).equals("here");
    }
}
