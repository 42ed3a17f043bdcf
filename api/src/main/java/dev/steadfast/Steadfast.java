package dev.steadfast;

import dev.steadfast.spi.SteadfastProvider;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Entry point to the Steadfast implementation on the class path, found with {@link ServiceLoader}.
 */
public final class Steadfast {

    private static volatile SteadfastProvider provider;

    private Steadfast() {
    }

    /**
     * Returns the implementation registered in {@code META-INF/services/dev.steadfast.spi.SteadfastProvider},
     * looked up through the thread context class loader first, then the loader of this API.
     *
     * @return the provider
     * @throws IllegalStateException when no implementation is on the class path
     */
    public static SteadfastProvider provider() {
        SteadfastProvider p = provider;
        if (p == null) {
            synchronized (Steadfast.class) {
                p = provider;
                if (p == null) {
                    p = load();
                    provider = p;
                }
            }
        }
        return p;
    }

    private static SteadfastProvider load() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        if (tccl != null) {
            Iterator<SteadfastProvider> it = ServiceLoader.load(SteadfastProvider.class, tccl).iterator();
            if (it.hasNext()) {
                return it.next();
            }
        }
        Iterator<SteadfastProvider> it =
                ServiceLoader.load(SteadfastProvider.class, Steadfast.class.getClassLoader()).iterator();
        if (it.hasNext()) {
            return it.next();
        }
        throw new IllegalStateException("No SteadfastProvider implementation found! "
                + "Add an implementation such as dev.steadfast:steadfast-impl to the application.");
    }
}
