package dev.steadfast.impl.policy;

import com.nulabinc.zxcvbn.StandardDictionaries;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The inputs whose digests are no secret: the most common passwords and English words, Steadfast's vocabulary and
 * the publicly known secrets written as text, each as typed, capitalised, and with the newline that
 * {@code echo word | sha256sum} hashes. Someone who "generated" a key as {@code sha256("secret")} has a value that
 * passes every test of randomness and is found by the first guesses of any attacker.
 *
 * <p>The build hashes these into {@code guessable-digests.bin} ({@link DigestTable}); the table is checked against
 * this list again on a hit, so both must come from this one class.
 */
final class GuessableInputs {

    /** How many words of each large list are hashed: the table grows by 20 bytes per input and variant. */
    static final int TOP_WORDS = 3000;

    private GuessableInputs() {
    }

    /** @return every input, in a stable order, as UTF-8 bytes */
    static List<byte[]> all() {
        Set<String> words = new LinkedHashSet<>();
        addTop(words, Dictionaries.words(StandardDictionaries.PASSWORDS));
        addTop(words, Dictionaries.words(StandardDictionaries.ENGLISH_WIKIPEDIA));
        words.addAll(Dictionaries.words(Dictionaries.VOCABULARY));
        words.addAll(KnownSecrets.bundled().texts());
        Set<String> variants = new LinkedHashSet<>();
        for (String word : words) {
            variants.add(word);
            variants.add(capitalised(word));
            variants.add(word + "\n");
        }
        List<byte[]> inputs = new ArrayList<>(variants.size());
        for (String variant : variants) {
            inputs.add(variant.getBytes(StandardCharsets.UTF_8));
        }
        return inputs;
    }

    private static void addTop(Set<String> words, List<String> list) {
        words.addAll(list.subList(0, Math.min(TOP_WORDS, list.size())));
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
