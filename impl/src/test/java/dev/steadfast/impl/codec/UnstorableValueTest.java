package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.codec;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A value the cookie cannot hold, found while encoding (put into a list or map after setAttribute), is located by
 * attribute, element path and Java type, so that whoever writes the cookie can say where it is without its value.
 */
class UnstorableValueTest {

    private static final String VALUE = "view-state-9f3a";

    private static UnstorableValueException encoding(String name, Object value) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("fine", "yes");
        attributes.put(name, value);
        return catchThrowableOfType(() -> codec().encode(session().attributes(attributes).build()),
                UnstorableValueException.class);
    }

    @Test
    void shouldNameAttributeElementPathAndType_whenArrayIsInMapInsideList() {
        List<Object> list = new ArrayList<>(List.of("a", "b"));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("y", new Object[] {VALUE});
        list.add(map);

        UnstorableValueException e = encoding("x", list);

        assertThat(e.attribute()).isEqualTo("x");
        assertThat(e.element()).isEqualTo("[2].key 'y'");
        assertThat(e.found()).isEqualTo("java.lang.Object[]");
        assertThat(e.location()).isEqualTo("attribute 'x', element [2].key 'y': java.lang.Object[]");
        assertThat(e).hasMessageStartingWith("Session attribute 'x[2].y' has unsupported type [Ljava.lang.Object;")
                .hasNoSuppressedExceptions().hasNoCause();
        assertThat(e.getMessage() + e.location()).doesNotContain(VALUE);
    }

    @Test
    void shouldNameNestedMapKeys_whenFacesLikeStateMapHoldsArray() {
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("s1", new Object[] {VALUE, 1});
        Map<String, Object> logical = new LinkedHashMap<>();
        logical.put("v1", actual);

        UnstorableValueException e = encoding("com.sun.faces.logicalViewMap", logical);

        assertThat(e.location()).isEqualTo("attribute 'com.sun.faces.logicalViewMap', element key 'v1'.key 's1': "
                + "java.lang.Object[]");
    }

    @Test
    void shouldNameOnlyAttribute_whenValueItselfCannotBeStored() {
        UnstorableValueException e = catchThrowableOfType(
                () -> TypedAttributes.validate("when", new java.util.Date()), UnstorableValueException.class);

        assertThat(e.location()).isEqualTo("attribute 'when': java.util.Date");
    }

    @Test
    void shouldDescribeProblem_whenTypeAloneDoesNotSayWhy() {
        Map<Object, Object> intKeys = new HashMap<>();
        intKeys.put(1, "one");
        List<Object> loop = new ArrayList<>();
        loop.add(loop);

        assertThat(encoding("nan", new ArrayList<>(List.of(Double.NaN))).location())
                .isEqualTo("attribute 'nan', element [0]: java.lang.Double that is NaN or infinite");
        assertThat(encoding("keys", new ArrayList<>(List.of(intKeys))).location())
                .isEqualTo("attribute 'keys', element [0]: java.util.HashMap with a key of type java.lang.Integer");
        assertThat(encoding("loop", loop).location())
                .isEqualTo("attribute 'loop', element [0]: java.util.ArrayList that contains itself");
        assertThat(encoding("half", new ArrayList<>(List.of("x\uD83D"))).location())
                .isEqualTo("attribute 'half', element [0]: java.lang.String containing an unpaired UTF-16 surrogate");
    }
}
