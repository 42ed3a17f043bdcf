package dev.steadfast.impl.codec;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import jakarta.json.stream.JsonGenerator;

import dev.steadfast.codec.Rejection;
import dev.steadfast.impl.codec.StrictJson.NumberToken;

/**
 * The typed attribute encoding: attribute values as JSON such that each decodes to the class that was set.
 *
 * <p>null, String and Boolean are plain JSON; Integer is a JSON integer and Double a JSON number that always has a
 * fraction or exponent, which tells them apart. Types JSON has no number form for are tagged objects with one
 * {@code $}-prefixed member: {@code {"$long":"123"}}, {@code {"$decimal":"1.50"}} (as strings, so no JSON parser
 * rounds them). Lists are arrays; maps with String keys are objects, and a map with a key starting with {@code $} is
 * wrapped as {@code {"$map":{...}}} so that it cannot be read as a tag.
 *
 * <p>Nothing here ever puts an attribute value into a message: only attribute paths and class names.
 */
final class TypedAttributes {

    /** The JSON nesting a cookie payload may have, the payload object counting as 1. */
    static final int MAX_DEPTH = 32;
    /** JSON depth of an attribute value's container: the payload (1) holds {@code att} (2) holds the attribute. */
    private static final int ATTRIBUTE_DEPTH = 3;

    static final String LONG_TAG = "$long";
    static final String DECIMAL_TAG = "$decimal";
    static final String MAP_TAG = "$map";

    /** Bytes an ASCII character takes in a JSON string, at most: a control character at most a six-byte escape. */
    private static final byte[] ASCII_JSON_BYTES = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_JSON_BYTES[c] = (byte) (c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : 1);
        }
    }

    private static final String SUPPORTED =
            "; supported: String, Boolean, Integer, Long, Double, BigDecimal, List, Map<String,?> and null";

    private TypedAttributes() {
    }

    /**
     * Checks that a value can be stored in the cookie, as {@link #write} would.
     *
     * @param name  the attribute name
     * @param value the value
     * @throws UnstorableValueException naming the attribute path and the offending type
     */
    static void validate(String name, Object value) {
        write(null, name, value);
    }

    /**
     * Writes one attribute as a member of the object the generator is in.
     *
     * @param generator positioned inside {@code att}, or {@code null} to validate only
     * @throws IllegalArgumentException naming the attribute path and the offending type
     */
    static void write(JsonGenerator generator, String name, Object value) {
        writeOne(new Writer(generator), name, value);
    }

    /**
     * Writes every attribute as a member of the object the generator is in, with one {@link Writer} for all.
     *
     * @param generator positioned inside {@code att}
     * @throws IllegalArgumentException naming the attribute path and the offending type
     */
    static void writeAll(JsonGenerator generator, Map<String, Object> attributes) {
        Writer writer = new Writer(generator);
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            writeOne(writer, attribute.getKey(), attribute.getValue());
        }
    }

    /**
     * An upper bound of the UTF-8 bytes of {@code "name":value} as {@link #write} produces it, from the value alone:
     * every character counted at its longest escaped or encoded form. {@code Long.MAX_VALUE} when the value is not
     * one {@code write} accepts or nests deeper than {@link #MAX_DEPTH} (a cycle), so that an exact encoding says why.
     */
    static long maxMemberLength(String name, Object value) {
        return SessionSize.saturatedAdd(maxTextLength(name) + 1, maxValueLength(value, ATTRIBUTE_DEPTH));
    }

    /** An upper bound of a JSON string's UTF-8 bytes, quotes included. */
    static long maxTextLength(String text) {
        long n = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A surrogate pair is 4 bytes of UTF-8 for 2 chars.
            n += c < 0x80 ? ASCII_JSON_BYTES[c] : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static long maxValueLength(Object value, int depth) {
        if (value == null) {
            return 4;
        } else if (value instanceof String) {
            return maxTextLength((String) value);
        } else if (value instanceof Boolean) {
            return 5;
        } else if (value instanceof Integer) {
            return 11;
        } else if (value instanceof Double) {
            return 24; // the longest Double.toString, e.g. -2.2250738585072014E-308
        } else if (value instanceof Long) {
            return LONG_TAG.length() + 7 + 20; // {"$long":"-9223372036854775808"}
        } else if (value.getClass() == BigDecimal.class) {
            return DECIMAL_TAG.length() + 7 + value.toString().length();
        } else if (depth > MAX_DEPTH) {
            return Long.MAX_VALUE;
        } else if (value instanceof List) {
            long n = 2;
            for (Object element : (List<?>) value) {
                long length = maxValueLength(element, depth + 1);
                if (length == Long.MAX_VALUE) {
                    return length;
                }
                // One comma per element: one more than written, which a bound may be.
                n += length + 1;
            }
            return n;
        } else if (value instanceof Map) {
            long n = 2 + MAP_TAG.length() + 5; // {"$map":{...}} when a key starts with $
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    return Long.MAX_VALUE;
                }
                long length = maxValueLength(entry.getValue(), depth + 2);
                if (length == Long.MAX_VALUE) {
                    return length;
                }
                n += maxTextLength((String) entry.getKey()) + 2 + length; // "key":value,
            }
            return n;
        }
        return Long.MAX_VALUE;
    }

    private static void writeOne(Writer writer, String name, Object value) {
        try {
            checkText(name, "its name", "a name");
            // Leaves the writer's path empty again, also when it throws (the writer is then dropped).
            writer.value(name, value, ATTRIBUTE_DEPTH);
        } catch (Unsupported e) {
            StringBuilder path = new StringBuilder(name);
            e.segments.forEach(path::append);
            StringBuilder element = new StringBuilder();
            for (String segment : e.elements) {
                element.append(element.length() == 0 || segment.startsWith("[") ? "" : ".").append(segment);
            }
            throw new UnstorableValueException("Session attribute '" + path + "' " + e.problem
                    + (e.listSupported ? SUPPORTED : ""), name, element.toString(), e.found);
        }
    }

    /**
     * A lone UTF-16 surrogate (half of a character, typically from cutting a string between the two halves of an
     * emoji) has no UTF-8 form: the cookie would carry {@code ?} instead, and the session would silently change.
     */
    private static void checkText(String text, String what, String found) {
        if (StrictJson.hasUnpairedSurrogate(text)) {
            throw new Unsupported("has " + what + " containing an unpaired UTF-16 surrogate (half of a character, "
                    + "e.g. a string cut inside an emoji), which the cookie's UTF-8 cannot carry", false,
                    found + " containing an unpaired UTF-16 surrogate");
        }
    }

    /** Unwinds to {@link #write}, collecting the path on the way out so that the good path builds no strings. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Deque<String> segments = new ArrayDeque<>();
        /** The same path as {@link #segments}, spelled for {@link UnstorableValueException#element()}. */
        final transient Deque<String> elements = new ArrayDeque<>();
        final String problem;
        final boolean listSupported;
        final String found;

        Unsupported(String problem, boolean listSupported, String found) {
            super(problem, null, false, false);
            this.problem = problem;
            this.listSupported = listSupported;
            this.found = found;
        }
    }

    private static final class Writer {
        private final JsonGenerator g;
        // The containers on the current path, to report a cycle instead of recursing into it. Allocated by the first
        // container: most setAttribute calls check a String or a number.
        private Object[] path;

        Writer(JsonGenerator g) {
            this.g = g;
        }

        /** Writes a value; {@code name} is null inside an array. {@code depth} is the JSON depth a container gets. */
        void value(String name, Object value, int depth) {
            if (value == null) {
                if (g != null) {
                    if (name == null) {
                        g.writeNull();
                    } else {
                        g.writeNull(name);
                    }
                }
            } else if (value instanceof String) {
                checkText((String) value, "a String value", String.class.getName());
                if (g != null) {
                    if (name == null) {
                        g.write((String) value);
                    } else {
                        g.write(name, (String) value);
                    }
                }
            } else if (value instanceof Boolean) {
                if (g != null) {
                    if (name == null) {
                        g.write((Boolean) value);
                    } else {
                        g.write(name, (Boolean) value);
                    }
                }
            } else if (value instanceof Integer) {
                if (g != null) {
                    if (name == null) {
                        g.write((Integer) value);
                    } else {
                        g.write(name, (Integer) value);
                    }
                }
            } else if (value instanceof Double) {
                double d = (Double) value;
                if (!Double.isFinite(d)) {
                    throw new Unsupported("is a non-finite Double (NaN or infinite), which JSON cannot hold", false,
                            Double.class.getName() + " that is NaN or infinite");
                }
                if (g != null) {
                    // Double.toString form, which always has a fraction or an exponent: that is what makes it decode
                    // as a Double rather than an Integer.
                    if (name == null) {
                        g.write(d);
                    } else {
                        g.write(name, d);
                    }
                }
            } else if (value instanceof Long) {
                tagged(name, LONG_TAG, value.toString(), depth);
            } else if (value.getClass() == BigDecimal.class) {
                // Exact class: a subclass would come back as a plain BigDecimal.
                tagged(name, DECIMAL_TAG, value.toString(), depth);
            } else if (value instanceof List) {
                list(name, (List<?>) value, depth);
            } else if (value instanceof Map) {
                map(name, (Map<?, ?>) value, depth);
            } else {
                throw new Unsupported("has unsupported type " + value.getClass().getName(), true,
                        value.getClass().getTypeName());
            }
        }

        private void tagged(String name, String tag, String text, int depth) {
            checkDepth(depth);
            if (g != null) {
                startObject(name);
                g.write(tag, text);
                g.writeEnd();
            }
        }

        private void list(String name, List<?> list, int depth) {
            enter(list, depth);
            if (g != null) {
                if (name == null) {
                    g.writeStartArray();
                } else {
                    g.writeStartArray(name);
                }
            }
            int i = 0;
            for (Object element : list) {
                try {
                    value(null, element, depth + 1);
                } catch (Unsupported e) {
                    e.segments.addFirst("[" + i + "]");
                    e.elements.addFirst("[" + i + "]");
                    throw e;
                }
                i++;
            }
            if (g != null) {
                g.writeEnd();
            }
            path[depth] = null;
        }

        private void map(String name, Map<?, ?> map, int depth) {
            boolean wrap = false;
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    String keyKind = key == null ? "null key" : "key of type " + key.getClass().getName();
                    throw new Unsupported("has unsupported type " + map.getClass().getName() + " with a " + keyKind
                            + " (map keys must be String)", true, map.getClass().getTypeName() + " with a " + keyKind);
                }
                wrap |= ((String) key).startsWith("$");
                checkText((String) key, "a map key", "a map key");
            }
            int inner = wrap ? depth + 1 : depth;
            if (wrap) {
                checkDepth(depth);
            }
            enter(map, inner);
            if (g != null) {
                startObject(name);
                if (wrap) {
                    g.writeStartObject(MAP_TAG);
                }
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = (String) entry.getKey();
                try {
                    value(key, entry.getValue(), inner + 1);
                } catch (Unsupported e) {
                    e.segments.addFirst("." + key);
                    e.elements.addFirst("key '" + key + "'");
                    throw e;
                }
            }
            if (g != null) {
                if (wrap) {
                    g.writeEnd();
                }
                g.writeEnd();
            }
            path[inner] = null;
        }

        private void startObject(String name) {
            if (name == null) {
                g.writeStartObject();
            } else {
                g.writeStartObject(name);
            }
        }

        private void enter(Object container, int depth) {
            checkDepth(depth);
            if (path == null) {
                path = new Object[MAX_DEPTH + 1];
            }
            for (int i = ATTRIBUTE_DEPTH; i < depth; i++) {
                if (path[i] == container) {
                    throw new Unsupported("has unsupported type " + container.getClass().getName()
                            + ": it contains itself (a cycle)", true,
                            container.getClass().getTypeName() + " that contains itself");
                }
            }
            path[depth] = container;
        }

        private static void checkDepth(int depth) {
            if (depth > MAX_DEPTH) {
                throw new Unsupported("is nested too deeply: a session cookie holds at most " + MAX_DEPTH
                        + " levels of JSON objects and arrays", false, "nesting deeper than " + MAX_DEPTH + " levels");
            }
        }
    }

    /**
     * Converts the attributes of a parsed, MAC-verified payload to their Java types in place.
     *
     * @param attributes the {@code att} object from {@link StrictJson}; its own names are attribute names, never tags
     * @throws RejectedException {@link Rejection#BAD_CLAIMS} for an unknown tag, a misplaced {@code $} name, a
     *                           non-canonical tagged value or a number no supported type holds
     */
    static void decodeInPlace(Map<String, Object> attributes) throws RejectedException {
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            entry.setValue(decode(entry.getValue()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object decode(Object value) throws RejectedException {
        if (value instanceof NumberToken) {
            return number(((NumberToken) value).lexeme(), ((NumberToken) value).isPlainInteger());
        }
        if (value instanceof List) {
            List<Object> list = (List<Object>) value;
            for (int i = 0; i < list.size(); i++) {
                list.set(i, decode(list.get(i)));
            }
            return list;
        }
        if (value instanceof Map) {
            return object((Map<String, Object>) value);
        }
        return value; // null, String, Boolean
    }

    @SuppressWarnings("unchecked")
    private static Object object(Map<String, Object> object) throws RejectedException {
        if (object.size() == 1) {
            Map.Entry<String, Object> only = object.entrySet().iterator().next();
            String name = only.getKey();
            if (name.startsWith("$")) {
                Object tagged = only.getValue();
                switch (name) {
                    case LONG_TAG:
                        return longValue(tagged);
                    case DECIMAL_TAG:
                        return decimalValue(tagged);
                    case MAP_TAG:
                        if (!(tagged instanceof Map)) {
                            throw RejectedException.of(Rejection.BAD_CLAIMS);
                        }
                        decodeInPlace((Map<String, Object>) tagged);
                        return tagged;
                    default:
                        throw RejectedException.of(Rejection.BAD_CLAIMS);
                }
            }
        } else {
            for (String name : object.keySet()) {
                if (name.startsWith("$")) {
                    throw RejectedException.of(Rejection.BAD_CLAIMS);
                }
            }
        }
        decodeInPlace(object);
        return object;
    }

    private static Long longValue(Object tagged) throws RejectedException {
        if (tagged instanceof String) {
            String text = (String) tagged;
            try {
                long value = Long.parseLong(text);
                // Canonical only ("+1", "01" are refused): one spelling per value, like the rest of the format.
                if (Long.toString(value).equals(text)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw RejectedException.of(Rejection.BAD_CLAIMS);
    }

    private static BigDecimal decimalValue(Object tagged) throws RejectedException {
        if (tagged instanceof String) {
            String text = (String) tagged;
            try {
                BigDecimal value = new BigDecimal(text);
                if (value.toString().equals(text)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw RejectedException.of(Rejection.BAD_CLAIMS);
    }

    private static Object number(String lexeme, boolean plainInteger) throws RejectedException {
        try {
            if (plainInteger) {
                // Longs are written tagged, so a bare integer outside int range was not written by this format.
                if (lexeme.length() <= 11) {
                    long value = Long.parseLong(lexeme);
                    if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                        return (int) value;
                    }
                }
                throw RejectedException.of(Rejection.BAD_CLAIMS);
            }
            double value = Double.parseDouble(lexeme);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw RejectedException.of(Rejection.BAD_CLAIMS);
    }
}
