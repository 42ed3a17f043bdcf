package dev.steadfast.impl.policy;

import dev.steadfast.policy.Rule;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.steadfast.impl.policy.PolicyFixtures.evaluate;
import static dev.steadfast.impl.policy.PolicyFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

class DiversityRuleTest {

    // Fixed so that the run or pattern under test cannot be lengthened by chance.
    private static final String HEX_TAIL = "3c9e1f07b28d4a6519ce0f2b7d48a63e5b1c9d02f7";

    @Test
    void shouldRefuse_whenLongRunOfOneCharacter() {
        String value = "a".repeat(22) + HEX_TAIL;

        assertThat(evaluate(value)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.LOW_DIVERSITY);
            assertThat(f.message()).isEqualTo("STEADFAST-1102: jwt.secret (EnvConfigSource, ordinal 300) has low"
                    + " diversity: it contains a run of 22 identical characters. Fix: use the output of a random"
                    + " generator rather than a hand-made value, at least 256 bits, e.g. `openssl rand -hex 32` or"
                    + " `java -jar steadfast-impl-cli.jar keygen`");
        });
    }

    @Test
    void shouldRefuse_whenSingleCharacterRepeated() {
        assertThat(evaluate("f".repeat(64))).singleElement().satisfies(f -> assertThat(f.problem())
                .isEqualTo("has low diversity: it contains a run of 64 identical characters"));
    }

    @Test
    void shouldRefuse_whenShortBlockRepeated() {
        assertThat(evaluate("7f3a91".repeat(11))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.LOW_DIVERSITY);
            assertThat(f.problem()).isEqualTo("has low diversity: it repeats a block of 6 characters");
        });
    }

    @Test
    void shouldRefuse_whenHalfRepeated() {
        String half = hex(16);

        assertThat(evaluate(half + half)).singleElement().satisfies(f -> assertThat(f.problem())
                .isEqualTo("has low diversity: it repeats a block of 32 characters"));
    }

    @Test
    void shouldRefuse_whenAscendingSequence() {
        String value = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef" + "Q7_k2Rw-9Zx";

        assertThat(evaluate(value)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.LOW_DIVERSITY);
            assertThat(f.problem()).isEqualTo("has low diversity: it contains a sequence of 32 consecutive characters");
        });
    }

    @Test
    void shouldRefuse_whenDescendingSequence() {
        String value = "fedcba9876543210" + HEX_TAIL.substring(0, 32) + "fedcba9876543210";

        assertThat(evaluate(value)).singleElement().satisfies(f -> assertThat(f.problem())
                .isEqualTo("has low diversity: it contains a sequence of 16 consecutive characters"));
    }

    @Test
    void shouldRefuse_whenFewDistinctCharacters() {
        // Four hex symbols in no order: no run, block or sequence, just far too few symbols for 64 characters.
        Random random = new Random(42);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            value.append("159d".charAt(random.nextInt(4)));
        }

        assertThat(evaluate(value.toString())).singleElement().satisfies(f -> assertThat(f.problem())
                .isEqualTo("has low diversity: it uses only 4 distinct characters, where a random value of its"
                        + " length and alphabet would use about 16"));
    }

    @Test
    void shouldAccept_whenHexKeyUsesItsSixteenSymbols() {
        assertThat(evaluate(hex(32))).isEmpty();
    }

    @Test
    void shouldRefuseAsWords_whenLongPassphraseVariesButIsTooShortInWords() {
        // Ten words are about 130 bits even from a large list: varied, so no pattern, but too weak as words.
        assertThat(evaluate("granite orbit velvet quench lantern mosaic brisk tundra fable wharf")).singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo(Rule.TOO_WEAK);
                    assertThat(f.problem()).startsWith("is too weak: it reads as English words");
                });
    }

    @Test
    void shouldRefuse_whenPassphraseRepeatsItself() {
        String value = "granite orbit velvet quench ".repeat(3);

        assertThat(evaluate(value)).singleElement().satisfies(f -> assertThat(f.problem())
                .isEqualTo("has low diversity: it repeats a block of 28 characters"));
    }

    @Test
    void shouldComputeDistinctTail_whenAllDrawsMustHitOneSymbol() {
        // P(64 hex draws show one symbol) = 16 * 16^-64 = 16^-63.
        assertThat(DiversityCheck.probabilityAtMostDistinct(64, 16, 1)).isEqualTo(Math.pow(16, -63));
    }

    @Test
    void shouldComputeDistinctTail_whenDistinctCannotBeExceeded() {
        assertThat(DiversityCheck.probabilityAtMostDistinct(64, 16, 16)).isEqualTo(1.0);
    }
}
