package dev.steadfast.tck.arquillian;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Applies {@link ImplementationArchiveProcessor} to client-side deployments ({@code testable = false}) too:
 * Arquillian runs application archive processors only while it packages testable deployments, and nearly every
 * kit deployment is client-side. The processor is idempotent, so a deployment deployed twice (a redeploy test) or
 * one Arquillian already processed is not changed again.
 */
public final class ClientDeploymentObserver {

    public void addImplementation(@Observes BeforeDeploy event) {
        DeploymentDescription d = event.getDeployment();
        Archive<?> archive = d.testable() && d.getTestableArchive() != null ? d.getTestableArchive() : d.getArchive();
        if (archive != null) {
            new ImplementationArchiveProcessor().process(archive, null);
        }
    }
}
