package dev.steadfast.impl.validation;

import dev.steadfast.policy.SecretCandidate;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Hands the secrets the CDI extension found to the servlet-side check of the same application, so that reuse
 * between a {@code @Secret} property and a key is judged in one report. Keyed weakly by the application's class
 * loader, so an undeployed application leaves nothing behind.
 */
public final class CdiSecrets {

    private static final Map<ClassLoader, List<SecretCandidate>> FOUND = new WeakHashMap<>();

    private CdiSecrets() {
    }

    /**
     * @param app        the application's class loader
     * @param candidates what CDI found
     */
    public static synchronized void record(ClassLoader app, List<SecretCandidate> candidates) {
        FOUND.put(app, List.copyOf(candidates));
    }

    /**
     * @param app the application's class loader
     * @return what CDI found for it, removed from the registry; empty when CDI found nothing or did not run
     */
    public static synchronized List<SecretCandidate> take(ClassLoader app) {
        List<SecretCandidate> found = FOUND.remove(app);
        return found == null ? List.of() : found;
    }
}
