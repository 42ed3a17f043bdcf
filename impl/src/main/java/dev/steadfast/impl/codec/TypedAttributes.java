package dev.steadfast.impl.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jakarta.json.stream.JsonGenerator;

import dev.steadfast.codec.Rejection;
import dev.steadfast.impl.codec.StrictJson.NumberToken;

/**
 * The typed attribute encoding: attribute values as JSON such that each decodes to the class that was set. The types
 * and their wire forms are {@link AttributeType}'s table; this is what the rest of the codec and the session call.
 *
 * <p>Nothing here ever puts an attribute value into a message: only attribute paths and class names.
 */
public final class TypedAttributes {

    /** The JSON nesting a cookie payload may have, the payload object counting as 1. */
    static final int MAX_DEPTH = 32;
    /** JSON depth of an attribute value's container: the payload (1) holds {@code att} (2) holds the attribute. */
    static final int ATTRIBUTE_DEPTH = 3;

    /** Bytes an ASCII character takes in a JSON string, at most: a control character at most a six-byte escape. */
    private static final byte[] ASCII_JSON_BYTES = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_JSON_BYTES[c] = (byte) (c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : 1);
        }
    }

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
        new AttributeWriter(null).attribute(name, value);
    }

    /**
     * Writes one attribute as a member of the object the generator is in.
     *
     * @param generator positioned inside {@code att}
     * @throws UnstorableValueException naming the attribute path and the offending type
     */
    static void write(JsonGenerator generator, String name, Object value) {
        new AttributeWriter(generator).attribute(name, value);
    }

    /**
     * Writes every attribute as a member of the object the generator is in, with one writer for all.
     *
     * @param generator positioned inside {@code att}
     * @throws UnstorableValueException naming the attribute path and the offending type
     */
    static void writeAll(JsonGenerator generator, Map<String, Object> attributes) {
        AttributeWriter writer = new AttributeWriter(generator);
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            writer.attribute(attribute.getKey(), attribute.getValue());
        }
    }

    /**
     * An upper bound of the UTF-8 bytes of {@code "name":value} as {@link #write} produces it, from the value alone:
     * every character counted at its longest escaped or encoded form. {@code Long.MAX_VALUE} when the value is not
     * one {@code write} accepts or nests deeper than {@link #MAX_DEPTH} (a cycle), so that an exact encoding says why.
     */
    static long maxMemberLength(String name, Object value) {
        return MemberwiseSize.saturatedAdd(maxTextLength(name) + 1, maxValueLength(value, ATTRIBUTE_DEPTH));
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

    /**
     * Converts the attributes of a parsed payload, whose integrity was checked, to their Java types in place.
     *
     * @param attributes the {@code att} object from {@link StrictJson}; its own names are attribute names, never tags
     * @throws RejectedException {@link Rejection#BAD_CLAIMS} for an unknown tag, a misplaced {@code $} name, a
     *                           non-canonical tagged value or a number no supported type holds
     */
    static void decodeInPlace(Map<String, Object> attributes) throws RejectedException {
        Containers.readMembers(attributes);
    }

    /**
     * A value as it is now, flattened into one array in encoding order: each list and map as a marker, its size and
     * its elements (a map's keys before their values), every other value as itself (those of the supported types
     * are immutable). {@link #matchesFlattened} tells whether a value, perhaps changed in place since, still encodes
     * as it did.
     *
     * @param value an attribute value
     * @return the flattened value, never shared
     */
    public static Object[] flatten(Object value) {
        List<Object> items = new ArrayList<>(64);
        flattenValue(value, items);
        return items.toArray();
    }

    /**
     * @param value     an attribute value
     * @param flattened what {@link #flatten} returned for it earlier
     * @return whether the value is, element for element and in order, the one flattened; values compare with their
     *         {@code equals}, which for the supported types is type-exact (an Integer never equals a Long, a
     *         BigDecimal keeps its scale)
     */
    public static boolean matchesFlattened(Object value, Object[] flattened) {
        return matchValue(value, flattened, 0) == flattened.length;
    }

    static long maxValueLength(Object value, int depth) {
        AttributeType type = AttributeType.of(value);
        return type == null ? Long.MAX_VALUE : type.maxLength(value, depth);
    }

    /**
     * @return the Java value of a parsed JSON value: literals as they are, a number by {@link AttributeType#INTEGER}
     *         or {@link AttributeType#DOUBLE} by its spelling, an array by {@link AttributeType#LIST}, an object with
     *         a single {@code $} member by the entry of that tag, any other object by {@link AttributeType#MAP}
     */
    static Object readValue(Object parsed) throws RejectedException {
        if (parsed instanceof NumberToken number) {
            return (number.isPlainInteger() ? AttributeType.INTEGER : AttributeType.DOUBLE).read(number);
        }
        if (parsed instanceof List) {
            return AttributeType.LIST.read(parsed);
        }
        if (parsed instanceof Map<?, ?> object) {
            if (object.size() == 1) {
                Map.Entry<?, ?> only = object.entrySet().iterator().next();
                if (((String) only.getKey()).startsWith("$")) {
                    AttributeType tagged = AttributeType.byTag((String) only.getKey());
                    if (tagged == null) {
                        throw RejectedException.of(Rejection.BAD_CLAIMS);
                    }
                    return tagged.readTagged(only.getValue());
                }
            }
            return AttributeType.MAP.read(object);
        }
        return parsed;
    }

    static void flattenValue(Object value, List<Object> items) {
        AttributeType type = AttributeType.of(value);
        if (type == null) {
            // Not storable, so not in a snapshot taken of a loaded value; it may be in the value matched against it.
            items.add(value);
        } else {
            type.flatten(value, items);
        }
    }

    static int matchValue(Object value, Object[] items, int at) {
        if (at < 0 || at >= items.length) {
            return -1;
        }
        AttributeType type = AttributeType.of(value);
        return type == null ? matchScalar(value, items, at) : type.match(value, items, at);
    }

    /** A container's marker in a snapshot is its entry, which no stored value can equal. */
    static int matchScalar(Object value, Object[] items, int at) {
        Object item = items[at];
        return !(item instanceof AttributeType) && Objects.equals(item, value) ? at + 1 : -1;
    }
}
