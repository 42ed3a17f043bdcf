package dev.steadfast.tck.spi;

import dev.steadfast.Steadfast;
import dev.steadfast.spi.SteadfastProvider;

/**
 * The implementation the SPI-level tests check: the class named by the system property {@value #PROPERTY} when it is
 * set (a public no-argument constructor), else {@link Steadfast#provider()}, which finds it with ServiceLoader.
 *
 * <p>The property is read on every call, not cached, so that one JVM can run the kit against several providers in
 * turn (impl does, to prove the kit fails broken ones).
 */
public final class ProviderUnderTest {

    /** System property naming a {@link SteadfastProvider} class to test instead of the ServiceLoader's. */
    public static final String PROPERTY = "steadfast.tck.provider";

    private ProviderUnderTest() {
    }

    /** @return a provider to test; a fresh instance when {@value #PROPERTY} names a class */
    public static SteadfastProvider get() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            return Steadfast.provider();
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(name.trim(), true,
                    loader != null ? loader : ProviderUnderTest.class.getClassLoader());
            return (SteadfastProvider) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(PROPERTY + "=" + name + " is not a SteadfastProvider class with a public "
                    + "no-argument constructor", e);
        }
    }
}
