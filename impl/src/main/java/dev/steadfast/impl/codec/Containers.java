package dev.steadfast.impl.codec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.steadfast.codec.Rejection;

/**
 * The walks over a {@code List} or {@code Map} that {@link AttributeType#LIST} and {@link AttributeType#MAP} do: the
 * size bound, reading back, and the snapshot and its match. Each element is handed back to its own entry of the
 * table. (Writing walks them in {@link AttributeWriter}, which keeps the path for messages.)
 */
final class Containers {

    private Containers() {
    }

    static long maxListLength(List<?> list, int depth) {
        if (depth > TypedAttributes.MAX_DEPTH) {
            return Long.MAX_VALUE;
        }
        long n = 2;
        for (Object element : list) {
            long length = TypedAttributes.maxValueLength(element, depth + 1);
            if (length == Long.MAX_VALUE) {
                return length;
            }
            // One comma per element: one more than written, which a bound may be.
            n += length + 1;
        }
        return n;
    }

    static long maxMapLength(Map<?, ?> map, String wrapTag, int depth) {
        if (depth > TypedAttributes.MAX_DEPTH) {
            return Long.MAX_VALUE;
        }
        long n = 2 + wrapTag.length() + 5; // {"$map":{...}} when a key starts with $
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                return Long.MAX_VALUE;
            }
            long length = TypedAttributes.maxValueLength(entry.getValue(), depth + 2);
            if (length == Long.MAX_VALUE) {
                return length;
            }
            n += TypedAttributes.maxTextLength(key) + 2 + length; // "key":value,
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    static List<Object> readList(Object parsed) throws RejectedException {
        List<Object> list = (List<Object>) parsed;
        for (int i = 0; i < list.size(); i++) {
            list.set(i, TypedAttributes.readValue(list.get(i)));
        }
        return list;
    }

    /** An object that is not a tag: none of its names may start with {@code $} (a wrapped map's would). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(Object parsed) throws RejectedException {
        Map<String, Object> object = (Map<String, Object>) parsed;
        for (String name : object.keySet()) {
            if (name.startsWith("$")) {
                throw RejectedException.of(Rejection.BAD_CLAIMS);
            }
        }
        readMembers(object);
        return object;
    }

    /** The content of a wrapped map, whose names may start with {@code $}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readWrapped(Object content) throws RejectedException {
        if (!(content instanceof Map)) {
            throw RejectedException.of(Rejection.BAD_CLAIMS);
        }
        readMembers((Map<String, Object>) content);
        return (Map<String, Object>) content;
    }

    /** Converts the values of a parsed object to their Java types in place; its names are kept as they are. */
    static void readMembers(Map<String, Object> object) throws RejectedException {
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            entry.setValue(TypedAttributes.readValue(entry.getValue()));
        }
    }

    /** Appends the marker, the size and the elements. */
    static void flattenList(AttributeType marker, List<?> list, List<Object> items) {
        items.add(marker);
        items.add(list.size());
        for (Object element : list) {
            TypedAttributes.flattenValue(element, items);
        }
    }

    /** Appends the marker, the size, and each key followed by its value. */
    static void flattenMap(AttributeType marker, Map<?, ?> map, List<Object> items) {
        items.add(marker);
        items.add(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            items.add(entry.getKey());
            TypedAttributes.flattenValue(entry.getValue(), items);
        }
    }

    static int matchList(AttributeType marker, List<?> list, Object[] items, int at) {
        if (items[at] != marker || !items[at + 1].equals(list.size())) {
            return -1;
        }
        at += 2;
        for (Object element : list) {
            at = TypedAttributes.matchValue(element, items, at);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    static int matchMap(AttributeType marker, Map<?, ?> map, Object[] items, int at) {
        if (items[at] != marker || !items[at + 1].equals(map.size())) {
            return -1;
        }
        at += 2;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (at >= items.length || !Objects.equals(items[at], entry.getKey())) {
                return -1;
            }
            at = TypedAttributes.matchValue(entry.getValue(), items, at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }
}
