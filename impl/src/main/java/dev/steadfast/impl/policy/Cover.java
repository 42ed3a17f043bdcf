package dev.steadfast.impl.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The cheapest description of a value as a sequence of parts (a word, a keyboard walk, a repeat...) and runs of
 * random characters: what an attacker who guesses parts in order pays.
 *
 * <p>It is a code, so that random values cannot look cheap by accident: every part and every run first names its
 * kind ({@link #KIND_BITS}); a run also says how long it is (log2 of the value's length) and then pays for each
 * character. zxcvbn's own charge for the number of parts (log2 of its factorial) stands in for the same information
 * less exactly, and without the kind a random key's dozen two-letter "words" added up to 35 bits of apparent
 * structure in one key of a hundred.
 */
final class Cover {

    /**
     * log2 of the kinds of part a description chooses from: zxcvbn's six dictionaries, Steadfast's vocabulary and
     * lorem ipsum, keyboard walks, repeats, sequences, years, dates, separators and random runs.
     */
    static final double KIND_BITS = Math.log(15) / Math.log(2);

    /**
     * @param start first character
     * @param end   one past the last character
     * @param bits  what the part costs to guess, its kind included
     * @param what  what explained it, for messages
     */
    record Part(int start, int end, double bits, String what) {
    }

    /** The cost and the parts of the cheapest description (runs of random characters are not listed). */
    record Result(double bits, List<Part> parts) {
    }

    private Cover() {
    }

    /** Characters people put between words; choosing one of them is worth 3 bits. */
    static final String SEPARATORS = " -_.,:;/";
    static final double SEPARATOR_BITS = KIND_BITS + 3;

    /**
     * Adds a part for every separator character, so that "words joined by spaces" is described as words and spaces
     * rather than as words and one random run per space.
     */
    static void separators(String value, List<Part> parts) {
        for (int i = 0; i < value.length(); i++) {
            if (SEPARATORS.indexOf(value.charAt(i)) >= 0) {
                parts.add(new Part(i, i + 1, SEPARATOR_BITS, "separators"));
            }
        }
    }

    /** @return what a run of random characters costs before its characters */
    static double runBits(int length) {
        return KIND_BITS + Math.log(length + 1) / Math.log(2);
    }

    /**
     * @param length      the value's length
     * @param parts       candidate parts, in any order, possibly overlapping
     * @param bitsPerChar what one random character costs
     * @return the cheapest description
     */
    static Result cheapest(int length, List<Part> parts, double bitsPerChar) {
        List<List<Part>> endingAt = new ArrayList<>(length + 1);
        for (int i = 0; i <= length; i++) {
            endingAt.add(new ArrayList<>());
        }
        for (Part part : parts) {
            endingAt.get(part.end()).add(part);
        }
        double open = runBits(length);
        // inPart[j] / inRun[j]: cheapest description of the first j characters ending with a part / inside a run.
        double[] inPart = new double[length + 1];
        double[] inRun = new double[length + 1];
        Part[] lastPart = new Part[length + 1];
        boolean[] opened = new boolean[length + 1];
        Arrays.fill(inPart, Double.POSITIVE_INFINITY);
        Arrays.fill(inRun, Double.POSITIVE_INFINITY);
        inPart[0] = 0;
        for (int j = 1; j <= length; j++) {
            opened[j] = inPart[j - 1] + open < inRun[j - 1];
            inRun[j] = (opened[j] ? inPart[j - 1] + open : inRun[j - 1]) + bitsPerChar;
            for (Part part : endingAt.get(j)) {
                double total = Math.min(inPart[part.start()], inRun[part.start()]) + part.bits();
                if (total < inPart[j]) {
                    inPart[j] = total;
                    lastPart[j] = part;
                }
            }
        }
        List<Part> used = new ArrayList<>();
        boolean run = inRun[length] < inPart[length];
        for (int j = length; j > 0; ) {
            if (run) {
                run = !opened[j];
                j--;
            } else {
                Part part = lastPart[j];
                used.add(part);
                j = part.start();
                run = inRun[j] < inPart[j];
            }
        }
        Collections.reverse(used);
        return new Result(Math.min(inPart[length], inRun[length]), used);
    }
}
