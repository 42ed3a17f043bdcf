package dev.steadfast.impl.it.support;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Client-side Arquillian extension of the harness (registered in
 * {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}). It does something only when the
 * embedded Tomcat adapter is on the class path: it adds {@link FailedContextObserver} and starts the in-JVM log
 * capture behind {@link ServerLog}. With the managed adapters it registers nothing.
 */
public final class HarnessExtension implements LoadableExtension {

    static final String TOMCAT_EMBEDDED = "org.jboss.arquillian.container.tomcat.embedded.Tomcat10EmbeddedContainer";

    @Override
    public void register(ExtensionBuilder builder) {
        if (Validate.classExists(TOMCAT_EMBEDDED)) {
            builder.observer(FailedContextObserver.class);
            InJvmLog.install();
        }
    }
}
