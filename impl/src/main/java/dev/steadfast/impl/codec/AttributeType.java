package dev.steadfast.impl.codec;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.steadfast.codec.Rejection;
import dev.steadfast.impl.codec.StrictJson.NumberToken;

/**
 * The supported attribute types: one entry each, and the single table from which the codec's writing, reading and
 * size bounds, the list of supported types in messages ({@link #SUPPORTED}) and the session's snapshots of handed-out
 * values ({@link TypedAttributes#flatten}) follow. {@link #of} is the table's test column; each entry knows how to bound
 * a value's JSON, write it, read it back and snapshot it. The entries in order, with their wire forms:
 *
 * <ul>
 * <li>{@code String}, {@code Boolean}, {@code null}: as JSON has them.
 * <li>{@code Integer}: a JSON integer; {@code Double}: a JSON number that always has a fraction or an exponent
 *     ({@code Double.toString}), which tells the two apart.
 * <li>{@code Long}: {@code {"$long":"123"}}; {@code BigDecimal} (the exact class): {@code {"$decimal":"1.50"}}. As
 *     strings, so that no JSON parser rounds them; canonical spellings only.
 * <li>{@code List}: an array, read back as {@code ArrayList}; {@code Map} with String keys: an object, read back as
 *     {@code LinkedHashMap}, wrapped as {@code {"$map":{...}}} when a key starts with {@code $} so that it cannot be
 *     read as a tag.
 * </ul>
 *
 * <p>Adding a type is adding an entry (and a line to docs/spec.md CODEC-4 and to the api's {@code SessionData}); the
 * order of the entries is the order of the message's list, and {@link #of} tests them in it. The walks over lists and
 * maps are {@link Containers}'; {@link TypedAttributes} walks values through the table.
 *
 * <p>Longer than 300 lines because every type with all of its behaviours in one place is what the table is for.
 */
enum AttributeType {

    STRING("String", null) {
        @Override
        long maxLength(Object value, int depth) {
            return TypedAttributes.maxTextLength((String) value);
        }

        @Override
        void write(AttributeWriter out, String name, Object value, int depth) {
            AttributeWriter.checkText((String) value, "a String value", String.class.getName());
            out.write(name, (String) value);
        }
    },
    BOOLEAN("Boolean", null) {
        @Override
        long maxLength(Object value, int depth) {
            return 5;
        }

        @Override
        void write(AttributeWriter out, String name, Object value, int depth) {
            out.write(name, (boolean) (Boolean) value);
        }
    },
    INTEGER("Integer", null) {
        @Override
        long maxLength(Object value, int depth) {
            return 11;
        }

        @Override
        void write(AttributeWriter out, String name, Object value, int depth) {
            out.write(name, (int) (Integer) value);
        }

        @Override
        Object read(Object parsed) throws RejectedException {
            String lexeme = ((NumberToken) parsed).lexeme();
            // Longs are written tagged, so a bare integer outside int range was not written by this format.
            if (lexeme.length() <= 11) {
                try {
                    return Integer.parseInt(lexeme);
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
            throw RejectedException.of(Rejection.BAD_CLAIMS);
        }
    },
    LONG("Long", "$long") {
        @Override
        long maxLength(Object value, int depth) {
            return tag().length() + 7 + 20; // {"$long":"-9223372036854775808"}
        }

        @Override
        void write(AttributeWriter out, String name, Object value, int depth) {
            out.tagged(name, tag(), value.toString(), depth);
        }

        @Override
        Object readTagged(Object content) throws RejectedException {
            return canonical(content, Long::valueOf);
        }
    },
    DOUBLE("Double", null) {
        @Override
        long maxLength(Object value, int depth) {
            return 24; // the longest Double.toString, e.g. -2.2250738585072014E-308
        }

        @Override
        void write(AttributeWriter out, String name, Object value, int depth) {
            double d = (Double) value;
            if (!Double.isFinite(d)) {
                throw new AttributeWriter.Unsupported(
                        "is a non-finite Double (NaN or infinite), which JSON cannot hold", false,
                        Double.class.getName() + " that is NaN or infinite");
            }
            out.write(name, d);
        }

        @Override
        Object read(Object parsed) throws RejectedException {
            try {
                double value = Double.parseDouble(((NumberToken) parsed).lexeme());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw RejectedException.of(Rejection.BAD_CLAIMS);
        }
    },
    DECIMAL("BigDecimal", "$decimal") {
        @Override
        long maxLength(Object value, int depth) {
            return tag().length() + 7 + value.toString().length();
        }

        @Override
        void write(AttributeWriter out, String name, Object value, int depth) {
            out.tagged(name, tag(), value.toString(), depth);
        }

        @Override
        Object readTagged(Object content) throws RejectedException {
            return canonical(content, BigDecimal::new);
        }
    },
    LIST("List", null) {
        @Override
        long maxLength(Object value, int depth) {
            return Containers.maxListLength((List<?>) value, depth);
        }

        @Override
        void write(AttributeWriter out, String name, Object value, int depth) {
            out.list(name, (List<?>) value, depth);
        }

        @Override
        Object read(Object parsed) throws RejectedException {
            return Containers.readList(parsed);
        }

        @Override
        void flatten(Object value, List<Object> items) {
            Containers.flattenList(this, (List<?>) value, items);
        }

        @Override
        int match(Object value, Object[] items, int at) {
            return Containers.matchList(this, (List<?>) value, items, at);
        }
    },
    // The tag wraps a map with a key starting with $, which could otherwise be read as a tag.
    MAP("Map<String,?>", "$map") {
        @Override
        long maxLength(Object value, int depth) {
            return Containers.maxMapLength((Map<?, ?>) value, tag(), depth);
        }

        @Override
        void write(AttributeWriter out, String name, Object value, int depth) {
            out.map(name, (Map<?, ?>) value, tag(), depth);
        }

        @Override
        Object read(Object parsed) throws RejectedException {
            return Containers.readObject(parsed);
        }

        @Override
        Object readTagged(Object content) throws RejectedException {
            return Containers.readWrapped(content);
        }

        @Override
        void flatten(Object value, List<Object> items) {
            Containers.flattenMap(this, (Map<?, ?>) value, items);
        }

        @Override
        int match(Object value, Object[] items, int at) {
            return Containers.matchMap(this, (Map<?, ?>) value, items, at);
        }
    },
    NULL("null", null) {
        @Override
        long maxLength(Object value, int depth) {
            return 4;
        }

        @Override
        void write(AttributeWriter out, String name, Object value, int depth) {
            out.writeNull(name);
        }
    };

    /** The supported types as messages list them: "String, Boolean, ... and null". */
    static final String SUPPORTED;

    private static final Map<String, AttributeType> BY_TAG = new HashMap<>();

    static {
        List<String> labels = Arrays.stream(values()).map(t -> t.label).toList();
        SUPPORTED = String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
        for (AttributeType type : values()) {
            if (type.tag != null) {
                BY_TAG.put(type.tag, type);
            }
        }
    }

    private final String label;
    private final String tag;

    /**
     * @param label the type as messages name it
     * @param tag   the name of the single member of the type's tagged wire form, or null when it has none
     */
    AttributeType(String label, String tag) {
        this.label = label;
        this.tag = tag;
    }

    /**
     * The table's test column, one line an entry, in entry order (the tests are disjoint but for List before Map).
     * Written out as {@code instanceof} rather than as a loop over each entry's class: C2 compiles an instanceof of a
     * final class to one compare and profiles the List and Map tests, which {@code Class.isInstance} on a class read
     * from a field defeats.
     *
     * @return the entry of this value, or {@code null} when the cookie cannot hold its type
     */
    static AttributeType of(Object value) {
        return value instanceof String ? STRING
                : value instanceof Boolean ? BOOLEAN
                : value instanceof Integer ? INTEGER
                : value instanceof Long ? LONG
                : value instanceof Double ? DOUBLE
                // The exact class: a subclass would come back as a plain BigDecimal.
                : value != null && value.getClass() == BigDecimal.class ? DECIMAL
                : value instanceof List ? LIST
                : value instanceof Map ? MAP
                : value == null ? NULL
                : null;
    }

    /** @return the tag of this type's wire form, or {@code null} when it has none */
    final String tag() {
        return tag;
    }

    /**
     * @param depth the JSON depth a container value gets
     * @return an upper bound of the UTF-8 bytes of the value's JSON, every character counted at its longest escaped
     *         or encoded form; {@code Long.MAX_VALUE} when it cannot be written
     */
    abstract long maxLength(Object value, int depth);

    /** Writes the value, or only checks it when the writer has no generator; {@code name} is null in an array. */
    abstract void write(AttributeWriter out, String name, Object value, int depth);

    /** @return the value of this type's untagged wire form as {@link StrictJson} parsed it; literals are as parsed */
    Object read(Object parsed) throws RejectedException {
        return parsed;
    }

    /** @return the value of this type's tagged form, from the content of its single member */
    Object readTagged(Object content) throws RejectedException {
        throw RejectedException.of(Rejection.BAD_CLAIMS);
    }

    /** Appends the value to a snapshot; the values of every type but a container are immutable, so kept as they are. */
    void flatten(Object value, List<Object> items) {
        items.add(value);
    }

    /** @return the index in {@code items} after the value, or -1 when {@code items[at...]} does not hold it */
    int match(Object value, Object[] items, int at) {
        return TypedAttributes.matchScalar(value, items, at);
    }

    /**
     * @return the value a tagged string spells, when the text is that value's {@code toString}: one spelling per value,
     *         like the rest of the format ({@code "+1"} and {@code "01"} are refused)
     */
    private static Object canonical(Object content, Function<String, ?> parse) throws RejectedException {
        if (content instanceof String text) {
            try {
                Object value = parse.apply(text);
                if (value.toString().equals(text)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw RejectedException.of(Rejection.BAD_CLAIMS);
    }

    /** @return the entry whose tagged form has this tag, or null */
    static AttributeType byTag(String tag) {
        return BY_TAG.get(tag);
    }
}
