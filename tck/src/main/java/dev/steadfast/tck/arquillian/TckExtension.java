package dev.steadfast.tck.arquillian;

import dev.steadfast.tck.support.FailedContextObserver;
import dev.steadfast.tck.support.InJvmLog;
import dev.steadfast.tck.support.TckSettings;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The kit's client-side Arquillian extension, registered in
 * {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension} of the kit's jar: every WAR gets the
 * implementation under test ({@link ImplementationArchiveProcessor}). With the embedded Tomcat adapter it also
 * makes failed contexts fail the deployment and captures the in-JVM log, since that adapter does neither.
 */
public final class TckExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, ImplementationArchiveProcessor.class);
        builder.observer(ClientDeploymentObserver.class);
        if (TckSettings.embeddedTomcat()) {
            builder.observer(FailedContextObserver.class);
            InJvmLog.install();
        }
    }
}
