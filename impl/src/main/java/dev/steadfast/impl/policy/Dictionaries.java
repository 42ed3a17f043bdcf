package dev.steadfast.impl.policy;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Keyboard;
import com.nulabinc.zxcvbn.matchers.KeyboardLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The word lists and keyboards the strength estimate knows: zxcvbn's (common passwords, English Wikipedia, film and
 * television, names and surnames; QWERTY, Dvorak, JIS and keypads), Steadfast's vocabulary of key, session and
 * framework words, and lorem ipsum.
 *
 * <p>Loading zxcvbn's lists costs about 90 ms on a cold JVM, so only the rare value that may be made of words loads
 * them (see {@link StructureScreen}); the build derives the precomputed tables from the same lists.
 */
final class Dictionaries {

    static final String VOCABULARY_RESOURCE = "vocabulary.txt";
    static final String VOCABULARY = "steadfast_vocabulary";
    static final String LOREM_IPSUM_RESOURCE = "lorem-ipsum.txt";
    static final String LOREM_IPSUM = "lorem_ipsum";

    private Dictionaries() {
    }

    /** @return every dictionary, loaded once */
    static List<Dictionary> all() {
        return Loaded.DICTIONARIES;
    }

    /** @return every keyboard, loaded once */
    static List<Keyboard> keyboards() {
        return Loaded.KEYBOARDS;
    }

    /**
     * @param name a dictionary's name
     * @return its words, most frequent first
     */
    static List<String> words(String name) {
        for (Dictionary dictionary : all()) {
            if (dictionary.getName().equals(name)) {
                return dictionary.getFrequencies();
            }
        }
        throw new IllegalArgumentException("no dictionary named " + name);
    }

    // Holder idiom: loaded on first use, once, and safely published to every thread.
    private static final class Loaded {
        static final List<Dictionary> DICTIONARIES = loadDictionaries();
        static final List<Keyboard> KEYBOARDS = loadKeyboards();

        private static List<Dictionary> loadDictionaries() {
            try {
                List<Dictionary> dictionaries = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
                dictionaries.add(new Dictionary(VOCABULARY, PolicyResources.entries(VOCABULARY_RESOURCE)));
                dictionaries.add(new Dictionary(LOREM_IPSUM, PolicyResources.entries(LOREM_IPSUM_RESOURCE)));
                return List.copyOf(dictionaries);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read zxcvbn's bundled dictionaries", e);
            }
        }

        private static List<Keyboard> loadKeyboards() {
            List<Keyboard> keyboards = new ArrayList<>();
            for (KeyboardLoader loader : List.of(StandardKeyboards.QWERTY_LOADER, StandardKeyboards.DVORAK_LOADER,
                    StandardKeyboards.JIS_LOADER, StandardKeyboards.KEYPAD_LOADER,
                    StandardKeyboards.MAC_KEYPAD_LOADER)) {
                try {
                    keyboards.add(loader.load());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read zxcvbn's bundled keyboard layouts", e);
                }
            }
            return List.copyOf(keyboards);
        }
    }
}
