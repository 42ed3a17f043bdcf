package dev.steadfast.impl.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of attribute values. Session attributes are JSON-shaped values whose {@code equals} is deep and
 * type-exact (an Integer never equals a Long, a BigDecimal keeps its scale), so comparing a copy taken at load
 * with the values at the end of the request tells whether the encoded session would change, including lists and
 * maps mutated in place after {@code setAttribute}.
 */
final class AttributeCopies {

    private AttributeCopies() {
    }

    static Map<String, Object> copy(Map<String, Object> attributes) {
        Map<String, Object> out = new LinkedHashMap<>(attributes.size() * 2);
        attributes.forEach((k, v) -> out.put(k, copyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof List) {
            List<Object> list = (List<Object>) value;
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(copyValue(o));
            }
            return out;
        }
        if (value instanceof Map) {
            Map<Object, Object> map = (Map<Object, Object>) value;
            Map<Object, Object> out = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, v) -> out.put(k, copyValue(v)));
            return out;
        }
        // Strings, numbers, booleans and null are immutable.
        return value;
    }
}
