package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The snapshot matches exactly the attributes whose encoding is unchanged. */
class AttributeSnapshotTest {

    private static Map<String, Object> attributes() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", "SKU-1");
        line.put("qty", 2);
        line.put("price", new BigDecimal("19.90"));
        line.put("note", null);
        List<Object> cart = new ArrayList<>(List.of(line, new ArrayList<>(List.of(1L, 2.5, true))));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("user", "alice");
        attributes.put("cart", cart);
        attributes.put("empty", new ArrayList<>());
        return attributes;
    }

    @Test
    void shouldMatchEqualAttributes() {
        AttributeSnapshot snapshot = AttributeSnapshot.of(attributes());

        assertThat(snapshot.matches(attributes())).isTrue();
        assertThat(AttributeSnapshot.of(Map.of()).matches(Map.of())).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldNotMatchAnyChangeInPlace() {
        List<Consumer<Map<String, Object>>> changes = List.of(
                a -> a.put("user", "bob"),
                a -> a.put("extra", 1),
                a -> a.remove("empty"),
                a -> line(a).put("qty", 2L),
                a -> line(a).put("price", new BigDecimal("19.9")),
                a -> line(a).put("note", "x"),
                a -> line(a).remove("note"),
                a -> cart(a).add(null),
                a -> ((List<Object>) cart(a).get(1)).set(0, 1),
                a -> ((List<Object>) cart(a).get(1)).add(false),
                a -> ((List<Object>) a.get("empty")).add(List.of()),
                a -> a.put("empty", new LinkedHashMap<>()),
                a -> a.put("user", List.of("alice")),
                a -> {
                    // Same entries, another order: the encoding differs, so does the snapshot.
                    Object user = a.remove("user");
                    a.put("user", user);
                });
        for (int i = 0; i < changes.size(); i++) {
            Map<String, Object> changed = attributes();
            AttributeSnapshot snapshot = AttributeSnapshot.of(changed);
            changes.get(i).accept(changed);
            assertThat(snapshot.matches(changed)).as("change %d", i).isFalse();
        }
    }

    @Test
    void shouldKeepItsOwnValuesWhenTheAttributesChange() {
        Map<String, Object> attributes = attributes();
        AttributeSnapshot snapshot = AttributeSnapshot.of(attributes);
        cart(attributes).clear();

        assertThat(snapshot.matches(attributes())).isTrue();
        assertThat(snapshot.matches(attributes)).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> cart(Map<String, Object> attributes) {
        return (List<Object>) attributes.get("cart");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> attributes) {
        return (Map<String, Object>) cart(attributes).get(0);
    }
}
