package dev.steadfast.impl.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An attribute value as it was when the application first got hold of it, flattened into one array in encoding order.
 * Attribute values are JSON-shaped and their {@code equals} is type-exact (an Integer never equals a Long, a
 * BigDecimal keeps its scale), so matching the value at the end of the request against this tells whether the
 * encoded session would change, including lists and maps mutated in place.
 *
 * <p>Flat rather than a deep copy: a copy of every map cost a hash table per map. Order counts, as it does in the
 * encoding: a map whose entries were re-inserted in another order does not match, and the session is written again.
 */
final class AttributeSnapshot {

    private static final Object LIST = new Object();
    private static final Object MAP = new Object();

    private final Object[] items;

    private AttributeSnapshot(Object[] items) {
        this.items = items;
    }

    static AttributeSnapshot of(Object value) {
        List<Object> items = new ArrayList<>(64);
        add(items, value);
        return new AttributeSnapshot(items.toArray());
    }

    /** @return whether the value is, element for element and in order, the one of the snapshot */
    boolean matches(Object value) {
        return match(value, 0) == items.length;
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
