package dev.steadfast.impl.codec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes attribute values as JSON for {@link AttributeType}'s entries, or only checks them when there is no
 * generator: the JSON primitives as an object member or an array element, tagged values, and lists and maps walked
 * with their path, so that a value the cookie cannot hold is reported with where it sits (never what it holds), and a
 * list or map that contains itself is reported rather than recursed into.
 *
 * <p>Which type a value is, and so which of these it is written with, is the table's; this class knows JSON and
 * paths, not types.
 */
final class AttributeWriter {

    private final JsonGenerator g;
    // The containers on the current path, to report a cycle instead of recursing into it. Allocated by the first
    // container: most setAttribute calls check a String or a number.
    private Object[] path;

    /** @param generator positioned inside {@code att}, or {@code null} to check values only */
    AttributeWriter(JsonGenerator generator) {
        this.g = generator;
    }

    /**
     * Writes one attribute as a member of the object the generator is in.
     *
     * @throws UnstorableValueException naming the attribute path and the offending type, never the value
     */
    void attribute(String name, Object value) {
        try {
            checkText(name, "its name", "a name");
            // Leaves the path empty again, also when it throws (the writer is then dropped).
            value(name, value, TypedAttributes.ATTRIBUTE_DEPTH);
        } catch (Unsupported e) {
            StringBuilder path = new StringBuilder(name);
            e.segments.forEach(path::append);
            StringBuilder element = new StringBuilder();
            for (String segment : e.elements) {
                element.append(element.length() == 0 || segment.startsWith("[") ? "" : ".").append(segment);
            }
            throw new UnstorableValueException("Session attribute '" + path + "' " + e.problem
                    + (e.listSupported ? "; supported: " + AttributeType.SUPPORTED : ""), name, element.toString(),
                    e.found);
        }
    }

    /** Writes a value; {@code name} is null inside an array. {@code depth} is the JSON depth a container gets. */
    void value(String name, Object value, int depth) {
        AttributeType type = AttributeType.of(value);
        if (type == null) {
            throw new Unsupported("has unsupported type " + value.getClass().getName(), true,
                    value.getClass().getTypeName());
        }
        type.write(this, name, value, depth);
    }

    void writeNull(String name) {
        if (g != null) {
            if (name == null) {
                g.writeNull();
            } else {
                g.writeNull(name);
            }
        }
    }

    void write(String name, String text) {
        if (g != null) {
            if (name == null) {
                g.write(text);
            } else {
                g.write(name, text);
            }
        }
    }

    void write(String name, boolean value) {
        if (g != null) {
            if (name == null) {
                g.write(value);
            } else {
                g.write(name, value);
            }
        }
    }

    void write(String name, int value) {
        if (g != null) {
            if (name == null) {
                g.write(value);
            } else {
                g.write(name, value);
            }
        }
    }

    /** Writes the {@code Double.toString} form, which always has a fraction or an exponent. */
    void write(String name, double value) {
        if (g != null) {
            if (name == null) {
                g.write(value);
            } else {
                g.write(name, value);
            }
        }
    }

    /** Writes {@code {"<tag>":"<text>"}}. */
    void tagged(String name, String tag, String text, int depth) {
        checkDepth(depth);
        if (g != null) {
            startObject(name);
            g.write(tag, text);
            g.writeEnd();
        }
    }

    void list(String name, List<?> list, int depth) {
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

    /** Writes a map as an object, wrapped as {@code {"<wrapTag>":{...}}} when a key starts with {@code $}. */
    void map(String name, Map<?, ?> map, String wrapTag, int depth) {
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
                g.writeStartObject(wrapTag);
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
            path = new Object[TypedAttributes.MAX_DEPTH + 1];
        }
        for (int i = TypedAttributes.ATTRIBUTE_DEPTH; i < depth; i++) {
            if (path[i] == container) {
                throw new Unsupported("has unsupported type " + container.getClass().getName()
                        + ": it contains itself (a cycle)", true,
                        container.getClass().getTypeName() + " that contains itself");
            }
        }
        path[depth] = container;
    }

    private static void checkDepth(int depth) {
        if (depth > TypedAttributes.MAX_DEPTH) {
            throw new Unsupported("is nested too deeply: a session cookie holds at most " + TypedAttributes.MAX_DEPTH
                    + " levels of JSON objects and arrays", false,
                    "nesting deeper than " + TypedAttributes.MAX_DEPTH + " levels");
        }
    }

    /**
     * A lone UTF-16 surrogate (half of a character, typically from cutting a string between the two halves of an
     * emoji) has no UTF-8 form: the cookie would carry {@code ?} instead, and the session would silently change.
     */
    static void checkText(String text, String what, String found) {
        if (StrictJson.hasUnpairedSurrogate(text)) {
            throw new Unsupported("has " + what + " containing an unpaired UTF-16 surrogate (half of a character, "
                    + "e.g. a string cut inside an emoji), which the cookie's UTF-8 cannot carry", false,
                    found + " containing an unpaired UTF-16 surrogate");
        }
    }

    /** Unwinds to {@link #attribute}, collecting the path on the way out so that the good path builds no strings. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Deque<String> segments = new ArrayDeque<>();
        /** The same path as {@link #segments}, spelled for {@link UnstorableValueException#element()}. */
        final transient Deque<String> elements = new ArrayDeque<>();
        final String problem;
        final boolean listSupported;
        final String found;

        /**
         * @param problem       what is wrong, after "Session attribute 'path' "
         * @param listSupported whether the message goes on to list the supported types
         * @param found         what was found, for {@link UnstorableValueException#found()}
         */
        Unsupported(String problem, boolean listSupported, String found) {
            super(problem, null, false, false);
            this.problem = problem;
            this.listSupported = listSupported;
            this.found = found;
        }
    }
}
