package dev.steadfast.impl.policy;

/**
 * A value reduced to what carries entropy, with the alphabet it was drawn from.
 *
 * @param alphabet   the smallest standard alphabet containing the value
 * @param codePoints the value without encoding padding and line breaks
 * @param size       the number of symbols it was drawn from: the alphabet's, or for {@link Alphabet#OTHER} the
 *                   character classes it uses
 */
record ClassifiedValue(Alphabet alphabet, int[] codePoints, int size) {

    /** Lower-case and upper-case ASCII letters, digits, and the 32 ASCII punctuation characters with the space. */
    static final int LETTERS = 26;
    static final int DIGITS = 10;
    static final int PUNCTUATION = 33;
    /** Any character beyond ASCII: about the letters of one more script in both cases, generous for text. */
    static final int BEYOND_ASCII = 100;

    private static final Alphabet[] UNPADDED = {Alphabet.DIGITS, Alphabet.HEX_LOWER, Alphabet.HEX_UPPER};
    private static final Alphabet[] PADDED = {
            Alphabet.BASE32_UPPER, Alphabet.BASE32_LOWER, Alphabet.BASE64, Alphabet.BASE64URL};

    /**
     * @param value a configured secret, or its part after a public prefix
     * @return the value's alphabet and entropy-carrying characters
     */
    static ClassifiedValue of(String value) {
        // UUIDs and grouped keys (xxxx-xxxx-...) are hex with separators that carry nothing.
        String ungrouped = value.indexOf('-') > 0 ? value.replace("-", "") : value;
        for (Alphabet alphabet : UNPADDED) {
            if (!ungrouped.isEmpty() && alphabet.containsAll(ungrouped)) {
                return new ClassifiedValue(alphabet, ungrouped.codePoints().toArray(), alphabet.size());
            }
        }
        // `openssl rand -base64 64` wraps at 64 columns and $(...) keeps the inner line break; it adds no entropy.
        String unwrapped = value.replace("\r", "").replace("\n", "");
        for (Alphabet alphabet : PADDED) {
            String body = stripPadding(alphabet == Alphabet.BASE64 ? unwrapped : value, alphabet.maxPadding());
            if (!body.isEmpty() && alphabet.containsAll(body)) {
                return new ClassifiedValue(alphabet, body.codePoints().toArray(), alphabet.size());
            }
        }
        int[] codePoints = value.codePoints().toArray();
        return new ClassifiedValue(Alphabet.OTHER, codePoints, poolSize(codePoints));
    }

    /**
     * Credits the character classes actually present, as password-strength estimators do: a value with lower case,
     * upper case, digits and punctuation was drawn from about 95 characters, one with lower case and digits from 36.
     */
    static int poolSize(int[] codePoints) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean punctuation = false;
        boolean beyond = false;
        for (int cp : codePoints) {
            if (cp >= 'a' && cp <= 'z') {
                lower = true;
            } else if (cp >= 'A' && cp <= 'Z') {
                upper = true;
            } else if (cp >= '0' && cp <= '9') {
                digit = true;
            } else if (cp >= 0x20 && cp < 0x7f) {
                punctuation = true;
            } else {
                beyond = true;
            }
        }
        int size = (lower ? LETTERS : 0) + (upper ? LETTERS : 0) + (digit ? DIGITS : 0)
                + (punctuation ? PUNCTUATION : 0) + (beyond ? BEYOND_ASCII : 0);
        return Math.max(size, 2);
    }

    private static String stripPadding(String value, int maxPadding) {
        int end = value.length();
        while (end > 0 && value.length() - end < maxPadding && value.charAt(end - 1) == '=') {
            end--;
        }
        return value.substring(0, end);
    }

    /** @return the number of entropy-carrying characters */
    int length() {
        return codePoints.length;
    }

    /** @return what one character is worth when drawn at random from {@link #size()} symbols */
    double bitsPerSymbol() {
        return Math.log(size) / Math.log(2);
    }

    /** @return length x log2 of the number of symbols */
    double estimatedBits() {
        return codePoints.length * bitsPerSymbol();
    }
}
