package dev.steadfast.impl.codec;

/**
 * An attribute value the cookie cannot hold, located: the attribute, where inside it the offending element sits and
 * what that element is (its Java type, and why it cannot be stored when the type alone does not say), never its
 * value. A list or map filled after {@code setAttribute} is found only when the session is encoded, so the code that
 * writes the cookie needs these parts to say where the problem is without echoing data.
 */
public final class UnstorableValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String attribute;
    private final String element;
    private final String found;

    UnstorableValueException(String message, String attribute, String element, String found) {
        super(message);
        this.attribute = attribute;
        this.element = element;
        this.found = found;
    }

    /** @return the attribute's name */
    public String attribute() {
        return attribute;
    }

    /**
     * @return where the offending element is inside the attribute's value, e.g. {@code [2].key 'y'} (list index,
     *         then map key), or empty when it is the value itself
     */
    public String element() {
        return element;
    }

    /** @return what was found there: its Java type, e.g. {@code java.lang.Object[]}, and the problem if not the type */
    public String found() {
        return found;
    }

    /** @return {@code attribute 'x', element [2].key 'y': java.lang.Object[]}, without any value */
    public String location() {
        return "attribute '" + attribute + "'" + (element.isEmpty() ? "" : ", element " + element) + ": " + found;
    }
}
