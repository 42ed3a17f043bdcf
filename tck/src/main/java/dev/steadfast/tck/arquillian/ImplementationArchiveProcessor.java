package dev.steadfast.tck.arquillian;

import dev.steadfast.tck.support.TckSettings;
import dev.steadfast.tck.support.Wars;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Adds to every WAR what the runner configured rather than what the test wrote: the implementation's jars
 * ({@value TckSettings#IMPLEMENTATION_JARS}), unless the WAR was built {@link Wars.Builder#withoutImplementation()};
 * the container libraries ({@value TckSettings#CONTAINER_LIBRARIES}); and the extra deployment configuration
 * ({@value TckSettings#DEPLOYMENT_CONFIG}). Tests therefore build WARs from kit classes only and run unchanged
 * against any implementation and container.
 */
public final class ImplementationArchiveProcessor implements ApplicationArchiveProcessor {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
    /** Written once processed, so that processing twice (see {@link ClientDeploymentObserver}) changes nothing. */
    static final String PROCESSED_MARKER = "WEB-INF/steadfast-tck-processed";

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        // Arquillian hands the archive over as its concrete ShrinkWrap type; anything else is not a kit WAR.
        if (!(archive instanceof WebArchive)) {
            return;
        }
        WebArchive war = (WebArchive) archive;
        if (war.contains(PROCESSED_MARKER)) {
            return;
        }
        war.add(new StringAsset("implementation and container libraries added by the Steadfast TCK"),
                PROCESSED_MARKER);
        if (!war.contains(Wars.WITHOUT_IMPLEMENTATION_MARKER)) {
            war.addAsLibraries(TckSettings.implementationJars().toArray(new File[0]));
        }
        war.addAsLibraries(Wars.containerLibraries().toArray(new File[0]));
        TckSettings.deploymentConfig().ifPresent(file -> appendConfig(war, file));
    }

    private static void appendConfig(WebArchive war, File file) {
        try {
            String extra = Files.readString(file.toPath(), StandardCharsets.UTF_8);
            String existing = "";
            Node node = war.get(CONFIG);
            if (node != null && node.getAsset() != null) {
                try (InputStream in = node.getAsset().openStream()) {
                    existing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                war.delete(CONFIG);
            }
            war.add(new StringAsset(existing + (existing.endsWith("\n") || existing.isEmpty() ? "" : "\n") + extra),
                    CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(TckSettings.DEPLOYMENT_CONFIG + " cannot be read: " + file, e);
        }
    }
}
