package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.codec;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;

/** Decoding answers every input, and no change to a valid cookie survives. */
class DecodeRobustnessTest {

    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u00e9\u4e2d\u0000";

    @Test
    void decode_neverThrowsAndRejectsEveryMutation() {
        JwsSessionCodec codec = codec();
        String valid = codec.encode(session().attribute("cart", List.of(Map.of("sku", "x1", "qty", 2)))
                .attribute("total", new BigDecimal("19.90")).attribute("big", 1L << 40).build());
        Random random = new Random(20300101L);
        for (int i = 0; i < 10_000; i++) {
            String mutated = mutate(valid, random);
            DecodeResult result = codec.decode(mutated);
            assertThat(result).as("mutation %d", i).isNotNull();
            if (!mutated.equals(valid)) {
                assertThat(result).as("mutation %d: %s", i, mutated).isInstanceOf(DecodeResult.Rejected.class);
            }
        }
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(6)) {
                case 0 -> b.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> b.deleteCharAt(at);
                case 3 -> b.setLength(at);
                case 4 -> b.setCharAt(at, (char) (b.charAt(at) ^ (1 << random.nextInt(7))));
                default -> b.insert(at, b.substring(at, Math.min(b.length(), at + random.nextInt(20))));
            }
        }
        return b.toString();
    }

    @Test
    void decode_answersGarbage() {
        JwsSessionCodec codec = codec();
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(200)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = random.nextBoolean() ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        : (char) random.nextInt(0x10000);
            }
            assertThat(codec.decode(new String(chars))).isInstanceOf(DecodeResult.Rejected.class);
        }
    }
}
