package dev.steadfast.impl.config;

import dev.steadfast.impl.message.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A workaround for containers whose MicroProfile Config does not yet know the application while its context starts
 * (seen on Payara 6: the application is registered after its web module starts, so the lookup falls back to the
 * server-level config, without the application's {@code META-INF/microprofile-config.properties}).
 *
 * <p>Only when the container's config shows no {@code steadfast.*} setting at all while the application's own
 * properties file has some, Steadfast reads that file itself, at its standard ordinal (100): environment variables
 * and system properties from the container's config still win.
 */
public final class ApplicationProperties {

    private static final String RESOURCE = "META-INF/microprofile-config.properties";
    private static final String SOURCE = "from " + RESOURCE + ", ordinal 100";

    private ApplicationProperties() {
    }

    /**
     * Everything Steadfast reads for one application: the container's MicroProfile Config for the application's
     * class loader, with its own properties file behind it where the container does not show that file yet.
     *
     * @param loader the application's class loader
     * @param app    the application's name, for messages
     * @return the application's configuration
     * @throws IllegalStateException when no MicroProfile Config implementation is available, naming the fix
     */
    public static PropertyLookup of(ClassLoader loader, String app) {
        Config config;
        try {
            config = ConfigProvider.getConfig(loader);
        } catch (LinkageError | IllegalStateException e) {
            throw new IllegalStateException(Message.NO_CONFIG.format(e.getClass().getSimpleName()), e);
        }
        return withFallback(PropertyLookup.of(config), loader, app);
    }

    /**
     * @param container the container's config for the application
     * @param loader    the application's class loader
     * @param app       the application's name, for the warning
     * @return {@code container}, or {@code container} backed by the application's properties when it lacks them
     */
    static PropertyLookup withFallback(PropertyLookup container, ClassLoader loader, String app) {
        if (container.get("steadfast.keys").isPresent() || container.get("steadfast.mode").isPresent()) {
            return container;
        }
        Properties own = load(loader);
        if (own.stringPropertyNames().stream().noneMatch(n -> n.startsWith("steadfast."))) {
            return container;
        }
        Message.FALLBACK.log(app, RESOURCE);
        return name -> {
            Optional<ConfigEntry> entry = container.get(name);
            if (entry.isPresent()) {
                return entry;
            }
            String value = own.getProperty(name);
            return value == null || value.isEmpty() ? Optional.empty()
                    : Optional.of(new ConfigEntry(name, value, SOURCE));
        };
    }

    private static Properties load(ClassLoader loader) {
        Properties merged = new Properties();
        try {
            Enumeration<URL> urls = loader == null ? Collections.emptyEnumeration() : loader.getResources(RESOURCE);
            for (URL url : Collections.list(urls)) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                // The first file found (the application's own, before its libraries') wins, as class loading does.
                p.forEach(merged::putIfAbsent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + " of the application", e);
        }
        return merged;
    }
}
