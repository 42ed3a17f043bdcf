package dev.steadfast.impl.policy;

/**
 * A value reduced to what carries entropy, with the alphabet it was drawn from.
 *
 * @param alphabet   the smallest standard alphabet containing the value
 * @param codePoints the value without encoding padding and line breaks
 */
record ClassifiedValue(Alphabet alphabet, int[] codePoints) {

    private static final Alphabet[] UNPADDED = {Alphabet.DIGITS, Alphabet.HEX_LOWER, Alphabet.HEX_UPPER};
    private static final Alphabet[] PADDED = {
            Alphabet.BASE32_UPPER, Alphabet.BASE32_LOWER, Alphabet.BASE64, Alphabet.BASE64URL};

    /**
     * @param value a configured secret, or its part after a public prefix
     * @return the value's alphabet and entropy-carrying characters
     */
    static ClassifiedValue of(String value) {
        for (Alphabet alphabet : UNPADDED) {
            if (!value.isEmpty() && alphabet.containsAll(value)) {
                return new ClassifiedValue(alphabet, value.codePoints().toArray());
            }
        }
        // `openssl rand -base64 64` wraps at 64 columns and $(...) keeps the inner line break; it adds no entropy.
        String unwrapped = value.replace("\r", "").replace("\n", "");
        for (Alphabet alphabet : PADDED) {
            String body = stripPadding(alphabet == Alphabet.BASE64 ? unwrapped : value, alphabet.maxPadding());
            if (!body.isEmpty() && alphabet.containsAll(body)) {
                return new ClassifiedValue(alphabet, body.codePoints().toArray());
            }
        }
        return new ClassifiedValue(Alphabet.OTHER, value.codePoints().toArray());
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

    /** @return length x log2 of the alphabet size */
    double estimatedBits() {
        return codePoints.length * alphabet.bitsPerSymbol();
    }
}
