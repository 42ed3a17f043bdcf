package dev.steadfast.impl.policy;

import java.util.Arrays;

/**
 * The standard alphabets that key generators write, smallest first.
 *
 * <p>A value is credited with {@code log2(size)} bits per character of the smallest alphabet that contains it: a
 * hex key is worth 4 bits a character even if it happens to avoid some digits, because that is what its generator
 * produced. Values outside every standard alphabet (password-manager output, passphrases) are credited by the
 * character classes they use ({@link ClassifiedValue#poolSize}): 94 visible ASCII characters are about 6.55 bits
 * each. Whether such a value is random or human-made is the text model's question, not the alphabet's.
 */
enum Alphabet {
    DIGITS("0123456789", 0),
    HEX_LOWER("0123456789abcdef", 0),
    HEX_UPPER("0123456789ABCDEF", 0),
    BASE32_UPPER("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 6),
    BASE32_LOWER("abcdefghijklmnopqrstuvwxyz234567", 6),
    BASE64("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 2),
    BASE64URL("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 2),
    OTHER(null, 0);

    private final String symbols;
    private final int maxPadding;
    // ASCII rank table: classification and pattern checks run on every value, 20,000 times in the generator test.
    private final int[] ranks = new int[128];

    Alphabet(String symbols, int maxPadding) {
        this.symbols = symbols;
        this.maxPadding = maxPadding;
        Arrays.fill(ranks, -1);
        if (symbols != null) {
            for (int i = 0; i < symbols.length(); i++) {
                ranks[symbols.charAt(i)] = i;
            }
        }
    }

    /** @return the number of symbols; {@link #OTHER} has none of its own (see {@link ClassifiedValue#size()}) */
    int size() {
        if (symbols == null) {
            throw new IllegalStateException("OTHER is sized by the value's character classes");
        }
        return symbols.length();
    }

    /**
     * The position of a code point in this alphabet's conventional order, so that "consecutive" means consecutive
     * for the generator (in base64, {@code Z} is followed by {@code a}); code point order for {@link #OTHER}.
     */
    int rank(int codePoint) {
        if (symbols == null) {
            return codePoint;
        }
        return codePoint < ranks.length ? ranks[codePoint] : -1;
    }

    /** @return the number of trailing {@code =} padding characters this alphabet's encoding may end with */
    int maxPadding() {
        return maxPadding;
    }

    boolean containsAll(String body) {
        if (symbols == null) {
            return true;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= ranks.length || ranks[c] < 0) {
                return false;
            }
        }
        return true;
    }
}
