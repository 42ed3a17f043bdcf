package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.codec;
import static dev.steadfast.impl.codec.Fixtures.fromB64;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;

/** Type fidelity: what is set is what comes back, and what cannot come back is refused when set. */
class TypedAttributesTest {

    private static Map<String, Object> roundTrip(Map<String, Object> attributes) {
        SessionData session = session().attributes(attributes).build();
        DecodeResult result = codec().decode(codec().encode(session));
        assertThat(result).isInstanceOf(DecodeResult.Valid.class);
        return ((DecodeResult.Valid) result).session().attributes();
    }

    private static Object roundTrip(Object value) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("v", value);
        return roundTrip(in).get("v");
    }

    private static String wire(Object value) {
        String payload = fromB64(codec().encode(session().attribute("v", value).build()).split("\\.")[1]);
        return payload.substring(payload.indexOf(",\"v\":") + 5, payload.length() - 2);
    }

    @Test
    void roundTrip_keepsScalarTypes() {
        assertThat(roundTrip("text")).isEqualTo("text");
        assertThat(roundTrip("")).isEqualTo("");
        assertThat(roundTrip("\u00e9\u4e2d\ud83d\ude00\"\\\n\u0000</script>")).isEqualTo("\u00e9\u4e2d\ud83d\ude00\"\\\n\u0000</script>");
        assertThat(roundTrip(true)).isEqualTo(Boolean.TRUE);
        assertThat(roundTrip(false)).isEqualTo(Boolean.FALSE);
        assertThat(roundTrip((Object) null)).isNull();
        assertThat(roundTrip(42)).isEqualTo(42).isInstanceOf(Integer.class);
        assertThat(roundTrip(Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(roundTrip(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(roundTrip(42L)).isEqualTo(42L).isInstanceOf(Long.class);
        assertThat(roundTrip(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(roundTrip(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip(42.0)).isEqualTo(42.0).isInstanceOf(Double.class);
        assertThat(roundTrip(-0.0)).isEqualTo(-0.0);
        assertThat(roundTrip(0.1)).isEqualTo(0.1);
        assertThat(roundTrip(1e300)).isEqualTo(1e300);
        assertThat(roundTrip(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(roundTrip(Double.MAX_VALUE)).isEqualTo(Double.MAX_VALUE);
        assertThat(roundTrip(new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.50"))
                .isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) roundTrip(new BigDecimal("1.50"))).scale()).isEqualTo(2);
        assertThat(roundTrip(new BigDecimal("1E+400"))).isEqualTo(new BigDecimal("1E+400"));
        assertThat(roundTrip(new BigDecimal("-0.000000001"))).isEqualTo(new BigDecimal("-1E-9"));
    }

    @Test
    void encode_writesTheDocumentedWireForms() {
        assertThat(wire(7)).isEqualTo("7");
        assertThat(wire(7L)).isEqualTo("{\"$long\":\"7\"}");
        assertThat(wire(7.0)).isEqualTo("7.0");
        assertThat(wire(1e21)).isEqualTo("1.0E21");
        assertThat(wire(new BigDecimal("7.00"))).isEqualTo("{\"$decimal\":\"7.00\"}");
        assertThat(wire(List.of(1, "a"))).isEqualTo("[1,\"a\"]");
        assertThat(wire(Map.of("a", 1))).isEqualTo("{\"a\":1}");
        assertThat(wire(Map.of("$long", "1"))).isEqualTo("{\"$map\":{\"$long\":\"1\"}}");
    }

    @Test
    void roundTrip_keepsNestedCollectionsMutableAndOrdered() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1L);
        inner.put("a", Arrays.asList(1, 2.5, null, new BigDecimal("3.10"), List.of()));
        inner.put("m", new TreeMap<>(Map.of("b", true, "a", "x")));
        Object decoded = roundTrip(List.of(inner, new LinkedList<>(List.of("l")), Map.of()));

        assertThat(decoded).isInstanceOf(ArrayList.class);
        List<?> list = (List<?>) decoded;
        assertThat(list.get(0)).isInstanceOf(LinkedHashMap.class).isEqualTo(inner);
        assertThat(new ArrayList<Object>(((Map<?, ?>) list.get(0)).keySet())).containsExactly("z", "a", "m");
        assertThat(((Map<?, ?>) list.get(0)).get("z")).isInstanceOf(Long.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) ((Map<?, ?>) list.get(0)).get("m")).keySet()))
                .containsExactly("a", "b");
        assertThat(list.get(1)).isInstanceOf(ArrayList.class).isEqualTo(List.of("l"));
        assertThat(list.get(2)).isInstanceOf(LinkedHashMap.class).isEqualTo(Map.of());
        @SuppressWarnings("unchecked")
        List<Object> mutable = (List<Object>) decoded;
        mutable.add("more");
        assertThat(mutable).hasSize(4);
    }

    @Test
    void roundTrip_keepsDollarKeyedMaps() {
        Map<String, Object> tricky = new LinkedHashMap<>();
        tricky.put("$long", "not a long");
        tricky.put("$map", Map.of("$decimal", 1));
        tricky.put("plain", 1L);
        Map<String, Object> single = Map.of("$decimal", "1.5");
        Object decoded = roundTrip(List.of(tricky, single, Map.of("$", List.of())));
        assertThat(decoded).isEqualTo(List.of(tricky, single, Map.of("$", List.of())));
    }

    @Test
    void roundTrip_keepsAttributeNamesStartingWithDollar() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("$long", 5);
        in.put("$weird", "x");
        assertThat(roundTrip(in)).containsEntry("$long", 5).containsEntry("$weird", "x");
    }

    @Test
    void encode_refusesUnsupportedTypesNamingPathAndType() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item", new Date(0));
        List<Object> cart = List.of("a", "b", item);
        assertThatThrownBy(() -> codec().encode(session().attribute("cart", cart).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Session attribute 'cart[2].item' has unsupported type java.util.Date; supported: String,"
                        + " Boolean, Integer, Long, Double, BigDecimal, List, Map<String,?> and null");
        for (Object unsupported : new Object[] {1.5f, (short) 1, (byte) 1, 'c', new Object(), BigInteger.ONE,
                new java.util.concurrent.atomic.AtomicInteger(), new int[] {1}, java.util.Set.of(1),
                new BigDecimal("1") { private static final long serialVersionUID = 1L; }}) {
            assertThatThrownBy(() -> TypedAttributes.validate("x", unsupported))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Session attribute 'x' has unsupported type " + unsupported.getClass().getName());
        }
    }

    @Test
    void encode_refusesNonStringMapKeys() {
        Map<Object, Object> byInt = new HashMap<>();
        byInt.put(1, "one");
        assertThatThrownBy(() -> TypedAttributes.validate("m", Map.of("ok", List.of(byInt))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Session attribute 'm.ok[0]' has unsupported type java.util.HashMap with a key"
                        + " of type java.lang.Integer")
                .hasMessageNotContaining("one");
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        assertThatThrownBy(() -> TypedAttributes.validate("m", nullKey))
                .hasMessageContaining("null key");
    }

    @Test
    void encode_refusesCyclesAndDeepNesting() {
        List<Object> self = new ArrayList<>();
        self.add("a");
        self.add(self);
        assertThatThrownBy(() -> TypedAttributes.validate("loop", self))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Session attribute 'loop[1]' has unsupported type java.util.ArrayList")
                .hasMessageContaining("cycle");
        Map<String, Object> map = new HashMap<>();
        map.put("me", List.of(map));
        assertThatThrownBy(() -> TypedAttributes.validate("m", map)).hasMessageContaining("'m.me[0]'")
                .hasMessageContaining("cycle");

        Object deep = List.of();
        for (int i = 0; i < 29; i++) {
            deep = List.of(deep);
        }
        TypedAttributes.validate("ok", deep); // 30 arrays: JSON depth 32
        Object tooDeep = List.of(deep);
        assertThatThrownBy(() -> TypedAttributes.validate("deep", tooDeep))
                .hasMessageContaining("nested too deeply");
        // The same value is shared, not cyclic: allowed.
        List<Object> shared = List.of("s");
        TypedAttributes.validate("twice", List.of(shared, shared));
    }

    @Test
    void encode_refusesNonFiniteDoublesWithoutShowingThem() {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> codec().encode(session().attribute("d", Map.of("k", d)).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Session attribute 'd.k' is a non-finite Double");
        }
    }

    @Test
    void validateAttribute_acceptsEverySupportedType() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("n", null);
        all.put("s", "s");
        all.put("b", true);
        all.put("i", 1);
        all.put("l", 1L);
        all.put("d", 1.0);
        all.put("bd", BigDecimal.TEN);
        all.put("list", List.of(1));
        all.put("$map", Map.of("$x", 1));
        TypedAttributes.validate("all", all);
        assertThat(roundTrip((Object) all)).isEqualTo(all);
    }
}
