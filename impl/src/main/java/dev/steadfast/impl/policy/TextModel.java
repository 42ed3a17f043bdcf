package dev.steadfast.impl.policy;

import com.nulabinc.zxcvbn.Context;
import com.nulabinc.zxcvbn.Matching;
import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.guesses.EstimateGuess;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Keyboard;
import com.nulabinc.zxcvbn.matchers.Match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a human-made value costs to guess: zxcvbn (Dropbox's estimator, in its JVM port zxcvbn4j) finds the words,
 * look-alike spellings, keyboard walks, repeats, sequences and dates in it and estimates each part's guesses.
 *
 * <p>zxcvbn charges the characters it cannot explain as if each had 10 possibilities, which suits passwords typed by
 * people but would call every 43-character random key 143 bits. Here zxcvbn finds the parts and prices each, and
 * {@link Cover} searches the cheapest description again, charging unexplained characters what they are worth when
 * random ({@code bitsPerChar}, from the characters the value actually uses). A random value then costs what its
 * characters say, and a sentence what its words say.
 */
final class TextModel {

    /** Long values are judged in pieces of this length: zxcvbn's matching grows with the square of the length. */
    static final int PIECE = 96;

    /** What a value costs, and what explained most of it (empty when nothing did). */
    record Reading(double bits, String explanation) {
    }

    private TextModel() {
    }

    /**
     * @param text        the value
     * @param bitsPerChar what one unexplained character costs
     * @return the cheapest reading
     */
    static Reading read(String text, double bitsPerChar) {
        double bits = 0;
        // Insertion order, so that a tie names the same explanation every time.
        Map<String, Integer> covered = new LinkedHashMap<>();
        for (int start = 0; start < text.length(); start += PIECE) {
            bits += readPiece(text.substring(start, Math.min(text.length(), start + PIECE)), bitsPerChar, covered);
        }
        String explanation = "";
        int most = 0;
        for (Map.Entry<String, Integer> entry : covered.entrySet()) {
            if (entry.getValue() > most) {
                most = entry.getValue();
                explanation = entry.getKey();
            }
        }
        return new Reading(bits, explanation);
    }

    private static double readPiece(String text, double bitsPerChar, Map<String, Integer> covered) {
        Context context = Zxcvbn.CONTEXT;
        EstimateGuess estimate = new EstimateGuess(context, text);
        List<Cover.Part> parts = new ArrayList<>();
        for (Match match : new Matching(context, List.of()).omnimatch(text)) {
            double bits = log2(Math.max(1, estimate.exec(match))) + Cover.KIND_BITS;
            parts.add(new Cover.Part(match.i, match.j + 1, bits, describe(match)));
        }
        Cover.separators(text, parts);
        Cover.Result cheapest = Cover.cheapest(text.length(), parts, bitsPerChar);
        for (Cover.Part part : cheapest.parts()) {
            if (part.what().equals("separators")) {
                continue;
            }
            covered.merge(part.what(), part.end() - part.start(), Integer::sum);
        }
        return cheapest.bits();
    }

    private static String describe(Match match) {
        String what = switch (match.pattern) {
            case Dictionary -> switch (match.dictionaryName) {
                case "passwords" -> "common passwords";
                case "surnames", "male_names", "female_names" -> "names";
                case Dictionaries.VOCABULARY -> "words common in keys and code samples";
                case Dictionaries.LOREM_IPSUM -> "lorem ipsum";
                default -> "English words";
            };
            case Spatial -> "a keyboard pattern";
            case Repeat -> "repeated text";
            case Sequence -> "a sequence of characters";
            case Regex, Date -> "dates or years";
            case Bruteforce -> "random characters";
        };
        if (match.pattern == Pattern.Dictionary && match.l33t) {
            return what + " with look-alike characters";
        }
        return what;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    // Holder idiom: zxcvbn's dictionaries load on the first value that needs them, once.
    private static final class Zxcvbn {
        static final Context CONTEXT = context();

        private static Context context() {
            Map<String, Dictionary> dictionaries = new LinkedHashMap<>();
            for (Dictionary dictionary : Dictionaries.all()) {
                dictionaries.put(dictionary.getName(), dictionary);
            }
            Map<String, Keyboard> keyboards = new LinkedHashMap<>();
            for (Keyboard keyboard : Dictionaries.keyboards()) {
                keyboards.put(keyboard.getName(), keyboard);
            }
            return new Context(dictionaries, keyboards);
        }
    }
}
