package dev.steadfast.impl.session;

import dev.steadfast.impl.codec.TypedAttributes;

/**
 * An attribute value as it was when the application first got hold of it, flattened into one array in encoding order
 * by the codec's type table ({@link TypedAttributes#flatten}). Attribute values are JSON-shaped and their
 * {@code equals} is type-exact (an Integer never equals a Long, a BigDecimal keeps its scale), so matching the value
 * at the end of the request against this tells whether the encoded session would change, including lists and maps
 * mutated in place.
 *
 * <p>Flat rather than a deep copy: a copy of every map cost a hash table per map. Order counts, as it does in the
 * encoding: a map whose entries were re-inserted in another order does not match, and the session is written again.
 */
final class AttributeSnapshot {

    private final Object[] items;

    private AttributeSnapshot(Object[] items) {
        this.items = items;
    }

    static AttributeSnapshot of(Object value) {
        return new AttributeSnapshot(TypedAttributes.flatten(value));
    }

    /** @return whether the value is, element for element and in order, the one of the snapshot */
    boolean matches(Object value) {
        return TypedAttributes.matchesFlattened(value, items);
    }
}
