package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.keys.KeyRing;

/**
 * The encrypted format answers every input without an exception (its last-resort catch bypassed), and no change to
 * a valid cookie survives; through the migrating codec as well, which reads both formats.
 */
class JweDecodeRobustnessTest {

    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u00e9\u4e2d\u0000";

    private final JweSessionCodec codec = JweFixtures.codec();
    private final SessionCodec migrating = MigratingCodec.of(KeyRing.of(Fixtures.K1, Fixtures.K2),
            Fixtures.options().format("jwe").build());

    @Test
    void decode_neverThrowsAndRejectsEveryMutation() {
        String valid = codec.encode(session().attribute("cart", List.of(Map.of("sku", "x1", "qty", 2)))
                .attribute("total", new BigDecimal("19.90")).attribute("big", 1L << 40).build());
        Random random = new Random(20300102L);
        for (int i = 0; i < 10_000; i++) {
            String mutated = mutate(valid, random);
            DecodeResult result = codec.decodeUnguarded(mutated);
            assertThat(result).as("mutation %d", i).isNotNull();
            assertThat(migrating.decode(mutated)).as("mutation %d", i).isNotNull();
            if (!mutated.equals(valid)) {
                assertThat(result).as("mutation %d: %s", i, mutated).isInstanceOf(DecodeResult.Rejected.class);
                assertThat(migrating.decode(mutated)).isInstanceOf(DecodeResult.Rejected.class);
            }
        }
    }

    @Test
    void decode_answersGarbageOfEveryShape() {
        Random random = new Random(8);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder();
            int segments = 1 + random.nextInt(6);
            for (int s = 0; s < segments; s++) {
                if (s > 0) {
                    b.append('.');
                }
                for (int c = random.nextInt(60); c > 0; c--) {
                    b.append(random.nextInt(8) == 0 ? (char) random.nextInt(0x10000)
                            : ALPHABET.charAt(random.nextInt(ALPHABET.length() - 5)));
                }
            }
            String garbage = b.toString();
            assertThat(codec.decodeUnguarded(garbage)).as(garbage).isInstanceOf(DecodeResult.Rejected.class);
            assertThat(migrating.decode(garbage)).as(garbage).isInstanceOf(DecodeResult.Rejected.class);
        }
    }

    @Test
    void decode_ofRandomSegmentsOfTheRightLengths_isAnIntegrityFailure() {
        String header = codec.encode(session().build()).split("\\.")[0];
        Random random = new Random(9);
        for (int i = 0; i < 500; i++) {
            String cookie = header + "." + random(random, 40) + "." + random(random, 12) + "."
                    + random(random, 1 + random.nextInt(200)) + "." + random(random, 16);
            assertThat(codec.decodeUnguarded(cookie)).isEqualTo(new DecodeResult.Rejected(Rejection.BAD_SIGNATURE));
        }
    }

    private static String random(Random random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Fixtures.b64(b);
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
}
