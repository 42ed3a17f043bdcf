package dev.steadfast.impl.config;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How a message shows a configured value that failed validation: quoted when it cannot be a secret, otherwise
 * described (length and kinds of characters) and never shown, whatever property it was put in.
 *
 * <p>Operators paste secrets into the wrong property: the key list, the secret-file path, the algorithm. The
 * message that catches the mistake must not be the one that leaks the secret into a log. So a value is shown only
 * when it has the narrow shape its property expects <em>and</em> no generated secret has that shape:
 * <ul>
 *   <li>a <b>token</b> ({@link #of}): at most {@value #TOKEN_MAX} characters of letters, digits, {@code - _ . : +}.
 *       Every mode, algorithm, duration, boolean, number, SameSite and policy name fits; no key generator prints
 *       fewer than 32 characters, and a value of 12 characters carries under 72 bits even when random, too few to
 *       be a signing secret (the policy refuses it as one);</li>
 *   <li>an <b>instant</b> or <b>ISO-8601 duration</b> ({@link #ofInstant}, {@link #ofDuration}): the value
 *       follows the grammar position by position (digits with {@code - : T Z}, or {@code P}, digits and unit
 *       letters), which random output never does over 13 or more characters;</li>
 *   <li>a <b>path</b> ({@link #ofPath}): see {@link #isPathShaped};</li>
 *   <li>a <b>key id</b> ({@link #isShowableKeyId}): the key id grammar, and when longer than a token, broken by
 *       {@code -} into runs of at most {@value #TOKEN_MAX} characters (2026-11, session-2026-q1), which rules out
 *       hex and other unbroken secrets that happen to fit the grammar.</li>
 * </ul>
 * Anything else is described, e.g. "a value of 43 characters (upper- and lower-case letters, digits, '-' and
 * '_')", and the fix tells the operator to regenerate it if it is a secret: it sat in a property that is not
 * secret, which may have been logged, committed or shown.
 *
 * <p>{@code RejectedValueTest} measures the rule against 100,000 outputs of the common key generators (base64,
 * base64url and hex of 32, 48 and 64 bytes): none is shown.
 *
 * <p>Longer than 300 lines because each shape rule sits beside its argument for why no generated secret has that
 * shape; split apart, a rule could change without its argument.
 */
public final class RejectedValue {

    /** Longest token that may be shown. */
    public static final int TOKEN_MAX = 12;

    /** Longest path that may be shown: real secret mounts are far shorter. */
    public static final int PATH_MAX = 160;

    /** Added to a fix when the value was not shown. */
    public static final String REGENERATE = "if that value is a secret, generate a new one and replace it "
            + "everywhere: it was put in a property that is not secret, so it may have been exposed";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:+-]{1," + TOKEN_MAX + "}");
    private static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}(:[0-9]{1,2}(:[0-9]{1,2}([.,][0-9]{1,9})?)?)?)?"
                    + "([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?");
    private static final Pattern ISO_DURATION = Pattern.compile("[+-]?[Pp][0-9YMWDTHSymwdths.,]{1,30}");
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:[\\\\/].*");
    // One path name: all lower case, all upper case or Capitalized, with digits and . _ - ~. Random text mixes cases
    // within a run, so a base64 value split at its '/' characters fails here.
    private static final Pattern PATH_NAME = Pattern.compile("[a-z0-9._~-]+|[A-Z0-9._~-]+|[A-Z][a-z0-9._~-]+");

    private static final Pattern HEX_RUN = Pattern.compile("[0-9a-fA-F]{17,}");
    private static final Pattern DOTTED_NAME =
            Pattern.compile("[a-z][a-z0-9-]{0,11}(\\.[a-z0-9][a-z0-9-]{0,11}){1,7}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9]{0,11}(_[A-Z0-9]{1,12}){1,7}");

    private final String text;
    private final boolean shown;

    private RejectedValue(String text, boolean shown) {
        this.text = text;
        this.shown = shown;
    }

    /**
     * @param value a configured value that is expected to be a short word or number
     * @return the value quoted when it is a short token, else its description
     */
    public static RejectedValue of(String value) {
        String v = value.strip();
        return TOKEN.matcher(v).matches() ? quoted(v) : described(value);
    }

    /**
     * @param value a configured value that is expected to be an ISO-8601 instant
     * @return the value quoted when it is a token or instant-shaped, else its description
     */
    public static RejectedValue ofInstant(String value) {
        String v = value.strip();
        return TOKEN.matcher(v).matches() || INSTANT.matcher(v).matches() ? quoted(v) : described(value);
    }

    /**
     * @param value a configured value that is expected to be a duration
     * @return the value quoted when it is a token or ISO-8601-duration-shaped, else its description
     */
    public static RejectedValue ofDuration(String value) {
        String v = value.strip();
        return TOKEN.matcher(v).matches() || ISO_DURATION.matcher(v).matches() ? quoted(v) : described(value);
    }

    /**
     * A property name is shown when it reads as one: dotted lower-case words ({@code payments.api-key}) or an
     * environment variable's upper-case words joined by {@code _} ({@code PAYMENTS_API_KEY}), each word at most
     * {@value #TOKEN_MAX} characters and not a long hex run. Generated secrets mix cases or have neither dots nor
     * underscores between short words.
     *
     * @param value a configured value that is expected to be a property name
     * @return the value quoted when it is property-name-shaped, else its description
     */
    public static RejectedValue ofPropertyName(String value) {
        String v = value.strip();
        boolean named = (DOTTED_NAME.matcher(v).matches() || ENV_NAME.matcher(v).matches()) && !hasHexRun(v);
        return TOKEN.matcher(v).matches() || named ? quoted(v) : described(value);
    }

    /**
     * @param value a configured value that is expected to be a file path
     * @return the path when it is path-shaped, else its description
     */
    public static RejectedValue ofPath(String value) {
        return isPathShaped(value) ? new RejectedValue(value, true) : described(value);
    }

    /**
     * @param value a configured value that is expected to be a key id
     * @return the value quoted when it is a token or a {@linkplain #isShowableKeyId showable key id}, else its
     *         description
     */
    public static RejectedValue ofKeyId(String value) {
        String v = value.strip();
        return TOKEN.matcher(v).matches() || isShowableKeyId(v) ? quoted(v) : described(value);
    }

    /**
     * A path is shown when it is what a mounted secret's path looks like:
     * <ul>
     *   <li>at most {@value #PATH_MAX} characters, only letters, digits and {@code / \ . _ - ~ :};</li>
     *   <li>absolute ({@code /run/...}, {@code C:\...}) or explicitly relative ({@code ./}, {@code ../},
     *       {@code ~/}) — base64url and hex secrets never contain {@code /}, and neither does Django's alphabet;</li>
     *   <li>every name between separators is all lower case, all upper case or Capitalized (digits and
     *       {@code . _ - ~} allowed anywhere). Standard base64 may start with {@code /}, but its runs between
     *       {@code /} mix upper and lower case: over the 40 or more characters of a key the chance that every run
     *       keeps one case is below 10<sup>-9</sup>, and padded base64 ({@code =}) or any {@code +} fails the
     *       alphabet already;</li>
     *   <li>no name holds more than 16 hex digits in a row with a letter among them: a hex secret fits the
     *       alphabet and keeps one case, so it is refused by this rule (digits alone, as in temporary directory
     *       names, pass).</li>
     * </ul>
     *
     * @param value a configured value
     * @return whether it may be shown as a path
     */
    public static boolean isPathShaped(String value) {
        if (value.isEmpty() || value.length() > PATH_MAX) {
            return false;
        }
        String rest;
        if (value.startsWith("/") || value.startsWith("\\") || value.startsWith("./") || value.startsWith(".\\")
                || value.startsWith("../") || value.startsWith("..\\") || value.startsWith("~/")) {
            rest = value; // ".", ".." and "~" pass as names below
        } else if (DRIVE.matcher(value).matches()) {
            rest = value.substring(2);
        } else {
            return false;
        }
        for (String name : rest.split("[/\\\\]")) {
            if (!name.isEmpty() && (!PATH_NAME.matcher(name).matches() || hasHexRun(name))) {
                return false;
            }
        }
        return true;
    }

    // More than 16 hex digits in a row, letters among them: a hex secret used as a file name, or pasted after a
    // directory. Digits alone pass (junit4711817366127427411, timestamps).
    private static boolean hasHexRun(String name) {
        java.util.regex.Matcher m = HEX_RUN.matcher(name);
        while (m.find()) {
            if (!m.group().chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param id a value listed as a key id
     * @return whether it may be shown: the key id grammar, and either a token or broken by {@code -} into runs of
     *         at most {@value #TOKEN_MAX} characters
     */
    public static boolean isShowableKeyId(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            return false;
        }
        if (id.length() <= TOKEN_MAX) {
            return true;
        }
        if (id.indexOf('-') < 0) {
            return false;
        }
        for (String run : id.split("-")) {
            if (run.length() > TOKEN_MAX) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param value any value
     * @return e.g. "a value of 43 characters (upper- and lower-case letters, digits, '-' and '_')"
     */
    public static String describe(String value) {
        int length = value.codePointCount(0, value.length());
        StringBuilder sb = new StringBuilder("a value of ").append(length)
                .append(length == 1 ? " character" : " characters");
        List<String> kinds = kinds(value);
        if (!kinds.isEmpty()) {
            sb.append(" (").append(join(kinds)).append(')');
        }
        return sb.toString();
    }

    /**
     * @param values several values
     * @return their descriptions, joined by commas and a final "and"
     */
    public static String describeAll(List<String> values) {
        return join(values.stream().map(RejectedValue::describe).toList());
    }

    /** @return whether the value itself is shown */
    public boolean shown() {
        return shown;
    }

    /**
     * @return for the problem sentence: {@code 'HS999'}, or "a value of 43 characters (...), not shown as it may
     *         be a secret"
     */
    public String text() {
        return text;
    }

    /**
     * @param fix the fix for the value's property
     * @return {@code fix}, followed by {@link #REGENERATE} when the value was not shown
     */
    public String fix(String fix) {
        return shown ? fix : fix + "; " + REGENERATE;
    }

    @Override
    public String toString() {
        return text;
    }

    private static RejectedValue quoted(String value) {
        return new RejectedValue("'" + value + "'", true);
    }

    private static RejectedValue described(String value) {
        return new RejectedValue(describe(value) + ", not shown as it may be a secret", false);
    }

    private static List<String> kinds(String value) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean space = false;
        boolean lineBreak = false;
        boolean control = false;
        boolean nonAscii = false;
        TreeSet<Character> symbols = new TreeSet<>();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == ' ' || c == '\t') {
                space = true;
            } else if (c == '\n' || c == '\r') {
                lineBreak = true;
            } else if (c < 0x20 || c == 0x7f) {
                control = true;
            } else if (c > 0x7f) {
                nonAscii = true;
            } else {
                symbols.add(c);
            }
        }
        List<String> kinds = new ArrayList<>();
        if (upper && lower) {
            kinds.add("upper- and lower-case letters");
        } else if (upper) {
            kinds.add("upper-case letters");
        } else if (lower) {
            kinds.add("lower-case letters");
        }
        if (digit) {
            kinds.add("digits");
        }
        if (symbols.size() > 6) {
            kinds.add(symbols.size() + " kinds of punctuation");
        } else {
            symbols.forEach(s -> kinds.add("'" + s + "'"));
        }
        if (space) {
            kinds.add("spaces");
        }
        if (lineBreak) {
            kinds.add("line breaks");
        }
        if (control) {
            kinds.add("control characters");
        }
        if (nonAscii) {
            kinds.add("non-ASCII characters");
        }
        return kinds;
    }

    private static String join(List<String> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
