package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.codec;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.keys.KeyRing;

/**
 * The measure must equal the length of what encode produces, and the bound be at least that length, before and after
 * any sequence of changes.
 */
class SessionSizeTest {

    private final JwsSessionCodec codec = codec();
    /** The claims the codec writes, to measure one member exactly. */
    private final SessionClaims claims = new SessionClaims(Fixtures.options().build(), JsonProvider.provider());

    @Test
    void measureEqualsEncodedLengthForEveryAttributeKind() {
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("sku", "A-1");
        cart.put("qty", 3);
        cart.put("price", new BigDecimal("19.90"));
        cart.put("$weird", 1.5);
        SessionData data = session()
                .attribute("count", 7)
                .attribute("big", Long.MAX_VALUE)
                .attribute("ratio", 0.25)
                .attribute("flag", Boolean.TRUE)
                .attribute("cart", List.of(cart, cart))
                .attribute("naïve \"quoted\" \u00e9\u4e2d\uD83D\uDE00", "caf\u00e9 \u4e2d\u6587 \uD83D\uDE00 \n\t\\")
                .build();

        assertThat(codec.measure(data).length()).isEqualTo(codec.encode(data).length());
    }

    @Test
    void updatesStayExactThroughRandomSetsAndRemovals() {
        Random random = new Random(42);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("user", "alice");
        SessionData data = withAttributes(attributes);
        SessionSize size = codec.measure(data);
        for (int step = 0; step < 500; step++) {
            String name = "a" + random.nextInt(12);
            Object value = randomValue(random);
            size = size.with(name, value);
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            assertThat(size.length()).as("step %d", step).isEqualTo(codec.encode(withAttributes(attributes)).length());
        }
    }

    @Test
    void holdsForLongerSignatures() {
        JwsSessionCodec hs512 = Fixtures.codec(KeyRing.of(Fixtures.K512), Fixtures.options().build());
        SessionData data = session().attribute("n", 12345).build();
        assertThat(hs512.measure(data).with("x", "y").length())
                .isEqualTo(hs512.encode(session().attribute("n", 12345).attribute("x", "y").build()).length());
    }

    @Test
    void checkLimitRefusesWhatEncodeRefuses() {
        JwsSessionCodec small = Fixtures.codec(KeyRing.of(Fixtures.K1), Fixtures.options().maxSize(400).build());
        SessionData data = session().build();
        SessionSize size = small.measure(data);
        size.checkLimit();

        String filler = "x".repeat(400);
        SessionSize grown = size.with("filler", filler);
        assertThatThrownBy(grown::checkLimit).isInstanceOf(SessionTooLargeException.class)
                .satisfies(e -> assertThat((long) ((SessionTooLargeException) e).size()).isEqualTo(grown.length()));
        assertThatThrownBy(() -> small.encode(session().attribute("filler", filler).build()))
                .isInstanceOf(SessionTooLargeException.class)
                .satisfies(e -> assertThat((long) ((SessionTooLargeException) e).size()).isEqualTo(grown.length()));
        // Immutable: the refused change did not touch the previous measure.
        assertThat(size.length()).isEqualTo(small.encode(data).length());
    }

    @Test
    void refusesUnsupportedValuesLikeEncode() {
        SessionSize size = codec.measure(session().build());
        assertThatThrownBy(() -> size.with("when", new java.util.Date(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("when");
    }

    @Test
    void boundIsAtLeastTheEncodedLengthThroughRandomSetsAndRemovals() {
        JwsSessionCodec codec = Fixtures.codec(KeyRing.of(Fixtures.K1), Fixtures.options().maxSize(1_000_000).build());
        Random random = new Random(7);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("user", "alice");
        SessionData data = withAttributes(attributes);
        SessionSize bound = codec.bound(data.id(), data.attributes());
        assertThat(bound.isExact()).isFalse();
        for (int step = 0; step < 500; step++) {
            String name = randomText(random) + step % 12;
            Object value = step % 3 == 0 ? extremeValue(random) : randomValue(random);
            bound = bound.with(name, value);
            if (value != null) {
                // Per value, where no other member's slack can hide a bound that is too small.
                assertThat(TypedAttributes.maxMemberLength(name, value)).as("step %d", step)
                        .isGreaterThanOrEqualTo(claims.memberLength(name, value));
            }
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            int encoded = codec.encode(withAttributes(attributes)).length();
            assertThat(bound.length()).as("step %d", step).isGreaterThanOrEqualTo(encoded);
            // A bound of the whole session at once holds as well.
            assertThat(codec.bound(data.id(), attributes).length()).isGreaterThanOrEqualTo(encoded);
        }
    }

    @Test
    void boundOfPlainTextIsCloseToTheExactLength() {
        SessionData data = session().attribute("user", "alice@example.com").attribute("cart", List.of(
                Map.of("sku", "SKU-100001", "qty", 2, "price", new BigDecimal("19.90")))).build();
        long exact = codec.measure(data).length();

        // Only numbers are counted at their longest: the bound must not send every session to the exact measure.
        assertThat(codec.bound(data.id(), data.attributes()).length()).isBetween(exact, exact + 100);
    }

    @Test
    void boundIsUnknownForWhatEncodeRefuses() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        SessionSize bound = codec.bound("sid", Map.of());

        assertThat(bound.fits()).isTrue();
        assertThat(bound.with("when", new java.util.Date(0)).fits()).isFalse();
        assertThat(bound.with("cycle", cycle).fits()).isFalse();
        assertThat(bound.with("keys", Map.of(1, "one")).fits()).isFalse();
        assertThatThrownBy(() -> bound.checkLimit()).isInstanceOf(IllegalStateException.class);
    }

    static Object extremeValue(Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return Long.MIN_VALUE;
            case 1:
                return -Double.MIN_VALUE;
            case 2:
                return -2.2250738585072014E-308;
            case 3:
                return Integer.MIN_VALUE;
            case 4:
                return new BigDecimal("-1234567890.123456789E-1000");
            case 5: {
                // Every character below 0x80, the surrogates of an emoji, and the three UTF-8 lengths.
                StringBuilder sb = new StringBuilder();
                for (char c = 0; c < 0x80; c++) {
                    sb.append(c);
                }
                return sb.append("\uD83D\uDE00\u00e9\u4e2d\uFFFD").toString();
            }
            case 6: {
                Map<String, Object> wrapped = new LinkedHashMap<>();
                wrapped.put("$tag", List.of(Long.MAX_VALUE, 1.0E-300, Map.of("$x", "\u0000")));
                wrapped.put("", null);
                return wrapped;
            }
            default: {
                Object nested = "deep";
                for (int i = 0; i < TypedAttributes.MAX_DEPTH - 4; i++) {
                    nested = List.of(nested);
                }
                return nested;
            }
        }
    }

    private static SessionData withAttributes(Map<String, Object> attributes) {
        return session().maxInactiveInterval(Duration.ofMinutes(30)).attributes(attributes).build();
    }

    static Object randomValue(Random random) {
        switch (random.nextInt(9)) {
            case 0:
                return null;
            case 1:
                return random.nextInt();
            case 2:
                return random.nextLong();
            case 3:
                return random.nextDouble() * 1e6;
            case 4:
                return new BigDecimal(random.nextInt(100000)).movePointLeft(random.nextInt(5));
            case 5:
                return random.nextBoolean();
            case 6: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomText(random));
                }
                return list;
            }
            case 7:
                return Map.of("k", randomText(random), "$n", random.nextInt(10));
            default:
                return randomText(random);
        }
    }

    static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            int kind = random.nextInt(5);
            sb.append(kind == 0 ? (char) ('\u00e0' + random.nextInt(20)) : kind == 1 ? '"' : kind == 2 ? '\u4e2d'
                    : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
