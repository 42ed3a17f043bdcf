package dev.steadfast.impl.policy;

import dev.steadfast.testsupport.SecretGenerators;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screen decides which values skip the full text model, so it must never skip one the full model would find
 * weak. Checked here the other way round: every value the full model reads as weak, the screen lets through.
 */
class StructureScreenTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int REQUIRED = 256;

    @Test
    void shouldPassEveryValue_thatTheFullModelFindsWeak() {
        List<String> values = new ArrayList<>();
        List<String> words = Dictionaries.words("english_wikipedia").subList(0, 5000);
        for (int i = 0; i < 400; i++) {
            values.add(phrase(words));
        }
        for (SecretGenerators.Generator generator : SecretGenerators.forHs256()) {
            for (int i = 0; i < 40; i++) {
                values.add(generator.next(RANDOM));
            }
        }
        List<String> missed = new ArrayList<>();
        int weak = 0;
        for (String value : values) {
            ClassifiedValue classified = ClassifiedValue.of(value);
            double perCharacter = classified.bitsPerSymbol();
            double full = TextModel.read(value, perCharacter).bits();
            boolean weakByFullModel = full <= classified.estimatedBits() - StrengthEstimator.MARGIN && full < REQUIRED;
            if (weakByFullModel) {
                weak++;
                if (!StructureScreen.bundled().mayBeStructured(value, perCharacter, StrengthEstimator.MARGIN,
                        REQUIRED)) {
                    missed.add(value.length() + " characters");
                }
            }
        }

        assertThat(weak).as("phrases the full model reads as weak").isGreaterThan(300);
        assertThat(missed).isEmpty();
    }

    @Test
    void shouldSkipMostRandomKeys() {
        int passed = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            String key = SecretGenerators.forHs256().get(0).next(RANDOM);
            if (StructureScreen.bundled().mayBeStructured(key, 6, StrengthEstimator.MARGIN, REQUIRED)) {
                passed++;
            }
        }
        // About 3.5 % measured; the bound leaves room for chance, not for a screen that lets everything through.
        assertThat(passed).isLessThan(n / 10);
    }

    /** Four to nine common words, each capitalised, separated, spelled with look-alikes or followed by digits. */
    private static String phrase(List<String> words) {
        StringBuilder out = new StringBuilder();
        int count = 4 + RANDOM.nextInt(6);
        String separator = List.of("", " ", "-", "_", ".").get(RANDOM.nextInt(5));
        for (int i = 0; i < count; i++) {
            String word = words.get(RANDOM.nextInt(words.size()));
            switch (RANDOM.nextInt(4)) {
                case 0 -> word = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
                case 1 -> word = word.replace('e', '3').replace('o', '0').replace('a', '4');
                case 2 -> word = word + RANDOM.nextInt(100);
                default -> { }
            }
            out.append(i > 0 ? separator : "").append(word);
        }
        return out.toString();
    }
}
