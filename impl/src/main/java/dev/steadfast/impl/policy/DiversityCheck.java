package dev.steadfast.impl.policy;

import java.util.BitSet;
import java.util.Optional;

/**
 * Finds values that are long enough but not random: runs, repeated blocks, sequences, a handful of characters.
 *
 * <p>Every test is a tail bound: a pattern counts only when a uniformly random value of the same length over the
 * same alphabet would show it with probability below {@value #FALSE_POSITIVE_BOUND}. That keeps false positives on
 * real generator output (a hex key has only 16 symbols, a base64 key often repeats a character) at essentially
 * zero, at the price of tolerating short patterns that a hand-made value may contain.
 */
final class DiversityCheck {

    /** Probability at which a pattern stops being plausible for random output. */
    static final double FALSE_POSITIVE_BOUND = 1e-10;

    private static final double LOG2_BOUND = Math.log(FALSE_POSITIVE_BOUND) / Math.log(2);

    private DiversityCheck() {
    }

    /**
     * @param value a classified value
     * @return the most telling pattern found, or empty when the value looks random for its alphabet
     */
    static Optional<DiversityProblem> check(ClassifiedValue value) {
        int[] cps = value.codePoints();
        int n = cps.length;
        if (n < 2) {
            return Optional.empty();
        }
        Alphabet alphabet = value.alphabet();
        double log2Size = value.bitsPerSymbol();
        double log2n = Math.log(n) / Math.log(2);

        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = alphabet.rank(cps[i]);
        }

        // A run of L starting at a given position has probability size^-(L-1); union bound over n positions.
        int run = longestStep(ranks, 0);
        if (improbable(log2n - (run - 1) * log2Size)) {
            return Optional.of(new DiversityProblem(DiversityProblem.Kind.LONG_RUN, run, 0));
        }

        // Period p means n-p characters are fixed by earlier ones: probability size^-(n-p) per period.
        int period = smallestPeriod(cps);
        if (period <= n / 2 && improbable(log2n - (n - period) * log2Size)) {
            return Optional.of(new DiversityProblem(DiversityProblem.Kind.REPEATED_PATTERN, period, 0));
        }

        // Two directions, so twice the run bound.
        int sequence = Math.max(longestStep(ranks, 1), longestStep(ranks, -1));
        if (improbable(1 + log2n - (sequence - 1) * log2Size)) {
            return Optional.of(new DiversityProblem(DiversityProblem.Kind.SEQUENCE, sequence, 0));
        }

        int distinct = distinct(cps);
        if (suspiciouslyFewDistinct(n, value.size(), distinct)
                && probabilityAtMostDistinct(n, value.size(), distinct) < FALSE_POSITIVE_BOUND) {
            return Optional.of(new DiversityProblem(
                    DiversityProblem.Kind.FEW_DISTINCT, distinct, expectedDistinct(n, value.size())));
        }
        return Optional.empty();
    }

    private static boolean improbable(double log2Probability) {
        return log2Probability < LOG2_BOUND;
    }

    private static int distinct(int[] codePoints) {
        BitSet seen = new BitSet(128);
        for (int cp : codePoints) {
            seen.set(cp);
        }
        return seen.cardinality();
    }

    /** Longest stretch where each rank is the previous one plus {@code step}; 1 for any non-empty value. */
    private static int longestStep(int[] ranks, int step) {
        int longest = 1;
        int current = 1;
        for (int i = 1; i < ranks.length; i++) {
            current = ranks[i] - ranks[i - 1] == step ? current + 1 : 1;
            longest = Math.max(longest, current);
        }
        return longest;
    }

    /** The smallest p with s[i] == s[i - p] for all i, from the KMP failure function, in linear time. */
    private static int smallestPeriod(int[] s) {
        int[] border = new int[s.length];
        int k = 0;
        for (int i = 1; i < s.length; i++) {
            while (k > 0 && s[i] != s[k]) {
                k = border[k - 1];
            }
            if (s[i] == s[k]) {
                k++;
            }
            border[i] = k;
        }
        return s.length - border[s.length - 1];
    }

    /**
     * A cheap filter before the exact tail: within three standard deviations of the mean the lower tail is of order
     * 1e-3, nowhere near the bound, and that is where almost every random value lands.
     */
    private static boolean suspiciouslyFewDistinct(int n, int size, int distinct) {
        double empty1 = Math.pow(1 - 1.0 / size, n);
        double empty2 = Math.pow(1 - 2.0 / size, n);
        double mean = size * (1 - empty1);
        double variance = size * empty1 + size * (size - 1.0) * empty2 - (double) size * size * empty1 * empty1;
        return distinct < mean - 3 * Math.sqrt(Math.max(variance, 0));
    }

    /**
     * P(a random string of n symbols over an alphabet of the given size shows at most {@code distinct} different
     * symbols), by dynamic programming over the number seen so far.
     */
    static double probabilityAtMostDistinct(int n, int size, int distinct) {
        if (distinct >= size || distinct >= n) {
            return 1.0;
        }
        double[] p = new double[distinct + 1];
        double[] stay = new double[distinct + 1];
        double[] grow = new double[distinct + 1];
        for (int j = 1; j <= distinct; j++) {
            stay[j] = (double) j / size;
            grow[j] = (double) (size - j + 1) / size;
        }
        p[0] = 1.0;
        for (int draw = 0; draw < n; draw++) {
            for (int j = Math.min(distinct, draw + 1); j >= 1; j--) {
                p[j] = p[j] * stay[j] + p[j - 1] * grow[j];
            }
            p[0] = 0.0;
        }
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        return sum;
    }

    /** Expected number of distinct symbols in n uniform draws, rounded. */
    static int expectedDistinct(int n, int size) {
        return (int) Math.round(size * (1 - Math.pow(1 - 1.0 / size, n)));
    }
}
