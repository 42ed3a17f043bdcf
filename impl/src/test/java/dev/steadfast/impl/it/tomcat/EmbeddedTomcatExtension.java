package dev.steadfast.impl.it.tomcat;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * impl's runner extension for the embedded Tomcat adapter, registered in this module's test resources
 * ({@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}) beside the kit's own extension, which
 * knows no container. Arquillian loads both; this one adds {@link FailedContextObserver} only when the embedded
 * Tomcat adapter is on the class path (the {@code tomcat}, {@code tomcat11} and {@code containers} profiles' Tomcat
 * execution), and does nothing under WildFly, Payara or Liberty, whose adapters report failed deployments themselves.
 */
public final class EmbeddedTomcatExtension implements LoadableExtension {

    /** The adapter's container class; 1.2.0.Final also runs Tomcat 11 (docs/containers.md#g5). */
    static final String ADAPTER = "org.jboss.arquillian.container.tomcat.embedded.Tomcat10EmbeddedContainer";

    @Override
    public void register(ExtensionBuilder builder) {
        if (adapterPresent()) {
            builder.observer(FailedContextObserver.class);
        }
    }

    static boolean adapterPresent() {
        try {
            Class.forName(ADAPTER, false, EmbeddedTomcatExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
