package dev.steadfast.impl.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The attributes as they were when the session was loaded, flattened into one array in encoding order. Session
 * attributes are JSON-shaped values whose {@code equals} is type-exact (an Integer never equals a Long, a BigDecimal
 * keeps its scale), so matching the values at the end of the request against this tells whether the encoded session
 * would change, including lists and maps mutated in place after {@code setAttribute}.
 *
 * <p>Flat rather than a deep copy: taken on every request that carries a session, and a copy of every map cost a
 * hash table per map. Order counts, as it does in the encoding: a map whose entries were re-inserted in another order
 * does not match, and the session is written again.
 */
final class AttributeSnapshot {

    private static final Object LIST = new Object();
    private static final Object MAP = new Object();

    private final Object[] items;

    private AttributeSnapshot(Object[] items) {
        this.items = items;
    }

    static AttributeSnapshot of(Map<String, Object> attributes) {
        List<Object> items = new ArrayList<>(attributes.size() * 4);
        add(items, attributes);
        return new AttributeSnapshot(items.toArray());
    }

    /** @return whether the attributes are, value for value and in order, those of the snapshot */
    boolean matches(Map<String, Object> attributes) {
        return match(attributes, 0) == items.length;
    }

    private static void add(List<Object> items, Object value) {
        if (value instanceof List<?> list) {
            items.add(LIST);
            items.add(list.size());
            for (Object element : list) {
                add(items, element);
            }
        } else if (value instanceof Map<?, ?> map) {
            items.add(MAP);
            items.add(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                items.add(entry.getKey());
                add(items, entry.getValue());
            }
        } else {
            // Strings, numbers, booleans and null are immutable.
            items.add(value);
        }
    }

    /** @return the index after the matched value, or -1 when it does not match */
    private int match(Object value, int at) {
        if (at < 0 || at >= items.length) {
            return -1;
        }
        if (value instanceof List<?> list) {
            if (items[at] != LIST || !items[at + 1].equals(list.size())) {
                return -1;
            }
            at += 2;
            for (Object element : list) {
                at = match(element, at);
                if (at < 0) {
                    return -1;
                }
            }
            return at;
        }
        if (value instanceof Map<?, ?> map) {
            if (items[at] != MAP || !items[at + 1].equals(map.size())) {
                return -1;
            }
            at += 2;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (at >= items.length || !Objects.equals(items[at], entry.getKey())) {
                    return -1;
                }
                at = match(entry.getValue(), at + 1);
                if (at < 0) {
                    return -1;
                }
            }
            return at;
        }
        return items[at] != LIST && items[at] != MAP && Objects.equals(items[at], value) ? at + 1 : -1;
    }
}
