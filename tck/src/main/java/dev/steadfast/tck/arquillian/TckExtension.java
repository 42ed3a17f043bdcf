package dev.steadfast.tck.arquillian;

import dev.steadfast.tck.support.InJvmLog;
import dev.steadfast.tck.support.TckSettings;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The kit's client-side Arquillian extension, registered in
 * {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension} of the kit's jar: every WAR gets the
 * implementation under test ({@link ImplementationArchiveProcessor}). When the runner says the server logs into the
 * test JVM ({@value TckSettings#SERVER_LOG}{@code =in-jvm}), it starts capturing that log before the container
 * starts.
 *
 * <p>The extension knows no container. What a particular adapter lacks (embedded Tomcat's adapter does not fail a
 * deployment whose context did not start) is the runner's to add, with its own {@code LoadableExtension} on the test
 * class path: Arquillian loads every registered extension. See tck/README.md, "What the kit expects of the runner".
 */
public final class TckExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, ImplementationArchiveProcessor.class);
        builder.observer(ClientDeploymentObserver.class);
        if (TckSettings.serverLogInJvm()) {
            InJvmLog.install();
        }
    }
}
