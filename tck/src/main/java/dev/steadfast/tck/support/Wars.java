package dev.steadfast.tck.support;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Builds the WARs the kit deploys. The kit's Arquillian extension then adds the implementation under test, the
 * container libraries and the runner's extra configuration to each ({@code ImplementationArchiveProcessor}), so a
 * WAR built here holds only kit classes and the test's configuration.
 *
 * <pre>{@code
 * WebArchive war = Wars.named("shop").classes(CountServlet.class).config(TestKeys.ring("k1", secret)).build();
 * }</pre>
 *
 * <p>Every WAR needs a servlet: embedded Tomcat builds {@code @ArquillianResource URL} from the servlet mappings and
 * injects null without one (docs/containers.md#g7).
 */
public final class Wars {

    /** Present in WARs that must not get the implementation under test (harness self-tests). */
    public static final String WITHOUT_IMPLEMENTATION_MARKER = "WEB-INF/steadfast-tck-without-implementation";

    private static List<File> warLibs;

    private Wars() {
    }

    /** Starts a WAR named {@code name + ".war"}; the name is also the context root. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The resolved {@code steadfast.tck.container.libraries}, with their dependencies; empty for a full server. */
    public static synchronized List<File> containerLibraries() {
        List<String> coordinates = TckSettings.containerLibraries();
        if (coordinates.isEmpty()) {
            return List.of();
        }
        if (warLibs == null) {
            // Resolution reads maven.repo.local, which the runner passes in (docs/containers.md#g12).
            warLibs = List.of(Maven.resolver().resolve(coordinates.toArray(new String[0])).withTransitivity()
                    .asFile());
        }
        return warLibs;
    }

    /** @return the URL of another WAR on the same server: every supported container uses the WAR name as root */
    public static URL url(URL anyDeployment, String war) {
        try {
            return anyDeployment.toURI().resolve("/" + war + "/").toURL();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot derive the URL of " + war + " from " + anyDeployment, e);
        }
    }
    /** Builds one WAR. Methods may be called in any order; {@link #build()} assembles. */
    public static final class Builder {
        private final String name;
        private final List<Class<?>> classes = new ArrayList<>();
        private final Map<String, List<String>> services = new TreeMap<>();
        private final StringBuilder config = new StringBuilder();
        private String beansXml;
        private boolean implementation = true;

        private Builder(String name) {
            if (name == null || name.isBlank() || name.contains("/")) {
                throw new IllegalArgumentException("WAR name must be a non-blank path segment: " + name);
            }
            this.name = name;
        }

        /** Adds classes to {@code WEB-INF/classes} (each class only, not its package). */
        public Builder classes(Class<?>... added) {
            classes.addAll(Arrays.asList(added));
            return this;
        }

        /**
         * Adds {@code WEB-INF/beans.xml} with the given bean-discovery-mode ({@code all}, {@code annotated} or
         * {@code none}). Without it the WAR is an implicit bean archive: only bean-defining annotations count.
         */
        public Builder beansXml(String discoveryMode) {
            if (!List.of("all", "annotated", "none").contains(discoveryMode)) {
                throw new IllegalArgumentException("bean-discovery-mode must be all, annotated or none: " + discoveryMode);
            }
            this.beansXml = discoveryMode;
            return this;
        }

        /**
         * Registers service implementations in {@code WEB-INF/classes/META-INF/services/<service>} and adds their
         * classes, e.g. a {@code jakarta.servlet.ServletContainerInitializer} or a CDI {@code Extension}.
         */
        public Builder service(Class<?> service, Class<?>... implementations) {
            if (implementations.length == 0) {
                throw new IllegalArgumentException("no implementation given for service " + service.getName());
            }
            List<String> names = services.computeIfAbsent(service.getName(), k -> new ArrayList<>());
            for (Class<?> implementation : implementations) {
                if (!service.isAssignableFrom(implementation)) {
                    throw new IllegalArgumentException(implementation.getName() + " does not implement " + service.getName());
                }
                names.add(implementation.getName());
                classes.add(implementation);
            }
            return this;
        }

        /** Appends entries to {@code WEB-INF/classes/META-INF/microprofile-config.properties}, escaped. */
        public Builder config(Map<String, String> entries) {
            Properties properties = new Properties();
            properties.putAll(entries);
            StringWriter out = new StringWriter();
            try {
                properties.store(out, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // store() writes a date comment first; drop it so the file shows only what the test asked for.
            out.toString().lines().filter(l -> !l.startsWith("#")).sorted().forEach(l -> config.append(l).append('\n'));
            return this;
        }

        /** Appends raw properties text to {@code microprofile-config.properties}, verbatim (for escaping tests). */
        public Builder config(String propertiesText) {
            config.append(propertiesText);
            if (!propertiesText.endsWith("\n")) {
                config.append('\n');
            }
            return this;
        }

        /**
         * Leaves out the implementation under test, for WARs that test the harness or the container rather than
         * Steadfast (so Steadfast's own initializer cannot be what fails them).
         */
        public Builder withoutImplementation() {
            this.implementation = false;
            return this;
        }

        /** Assembles the WAR; it can still be changed with the ShrinkWrap API afterwards. */
        public WebArchive build() {
            WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war");
            war.addClasses(classes.toArray(new Class<?>[0]));
            services.forEach((service, implementations) -> war.addAsResource(
                    new StringAsset(String.join("\n", implementations) + "\n"), "META-INF/services/" + service));
            if (config.length() > 0) {
                war.addAsResource(new StringAsset(config.toString()), "META-INF/microprofile-config.properties");
            }
            if (beansXml != null) {
                war.addAsWebInfResource(new StringAsset("""
                        <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                               xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                               version="4.0" bean-discovery-mode="%s"/>
                        """.formatted(beansXml)), "beans.xml");
            }
            if (!implementation) {
                war.add(new StringAsset("The kit's archive processor leaves the implementation out of this WAR."),
                        WITHOUT_IMPLEMENTATION_MARKER);
            }
            return war;
        }

    }
}
