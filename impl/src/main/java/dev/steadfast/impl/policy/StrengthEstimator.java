package dev.steadfast.impl.policy;

import java.util.Optional;

/**
 * Estimates what a secret costs to guess as the cheapest of the ways to explain it, because an attacker takes the
 * cheapest: as random characters from the alphabet it uses, as the bytes it encodes (a digest of a common word,
 * or text), or as text made of words, keyboard walks, repeats and dates.
 *
 * <p>A structured explanation replaces the random one only when it is at least {@link #MARGIN} bits cheaper. By a
 * counting argument (at most 2^(n-m) of the 2^n values of n random bits have a description m bits shorter), a
 * random value earns that discount with probability below 2^-m, the same bound as {@link DiversityCheck}'s; so random
 * keys keep their full credit, and a sentence, which is hundreds of bits cheaper than its characters, loses it.
 *
 * <p>The result is an upper bound on strength, not a proof: a value built by a rule no model here knows (the digest
 * of a word outside the lists, a sentence in another language) is credited as random.
 */
final class StrengthEstimator {

    /** How much cheaper a structured explanation must be to count: -log2 of the diversity check's bound, 33.2. */
    static final double MARGIN = -Math.log(DiversityCheck.FALSE_POSITIVE_BOUND) / Math.log(2);

    /** Encodings of encodings (the base64 of a hex digest) are read this deep. */
    private static final int MAX_DEPTH = 3;

    /**
     * @param bits        estimated strength
     * @param explanation why it is lower than the characters suggest, as the end of "is too weak: ..."; empty when
     *                    the value is judged as random characters
     * @param classified  the value as random characters, for the diversity check
     */
    record Estimate(double bits, String explanation, ClassifiedValue classified) {
    }

    private StrengthEstimator() {
    }

    /**
     * @param value    a configured secret, or its part after a public prefix
     * @param required the strength it must have: structure that cannot bring the value below this is not looked
     *                 for, so an estimate at or above it may be the random reading of a value that has some
     * @return the cheapest explanation found
     */
    static Estimate estimate(String value, int required) {
        return estimate(value, required, 0);
    }

    private static Estimate estimate(String value, int required, int depth) {
        ClassifiedValue classified = ClassifiedValue.of(value);
        double random = classified.estimatedBits();
        Estimate best = new Estimate(random, "", classified);

        Optional<Encodings.Decoded> decoded = depth < MAX_DEPTH ? Encodings.decode(value) : Optional.empty();
        if (decoded.isPresent()) {
            byte[] bytes = decoded.get().bytes();
            Optional<String> digest = DigestTable.bundled().digestAlgorithm(bytes);
            if (digest.isPresent()) {
                String article = digest.get().startsWith("MD5") ? " of an " : " of a ";
                return new Estimate(DigestTable.bundled().guessBits(), "it is the " + decoded.get().encoding()
                        + article + digest.get() + " digest of a common password or word", classified);
            }
            Optional<String> text = Encodings.printableText(bytes);
            if (text.isPresent()) {
                Estimate inner = estimate(text.get(), required, depth + 1);
                if (inner.bits() <= random - MARGIN) {
                    best = new Estimate(inner.bits(), "it is the " + decoded.get().encoding() + " of "
                            + (inner.explanation().isEmpty() ? "printable text" : "text where " + inner.explanation()),
                            classified);
                }
            }
        }

        double perCharacter = classified.bitsPerSymbol();
        if (StructureScreen.bundled().mayBeStructured(value, perCharacter, MARGIN, required)) {
            TextModel.Reading reading = TextModel.read(value, perCharacter);
            if (reading.bits() <= random - MARGIN && reading.bits() < best.bits()) {
                best = new Estimate(reading.bits(), "it reads as " + reading.explanation(), classified);
            }
        }
        return best;
    }
}
