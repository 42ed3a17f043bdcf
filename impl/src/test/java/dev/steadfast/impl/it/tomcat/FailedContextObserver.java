package dev.steadfast.impl.it.tomcat;

import org.apache.catalina.core.StandardContext;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Makes embedded Tomcat report failed deployments (docs/containers.md#g6). The adapter adds the context and returns
 * without checking that it started, so a WAR whose initializer or CDI validation failed "deploys" in state FAILED.
 * This fails the deployment instead; the cause is in the log (the kit's {@code ServerLog}, {@code in-jvm}). The
 * context stays in the host until Arquillian undeploys it, as with a container that reports the failure itself.
 * Registered by {@link EmbeddedTomcatExtension}; the kit's {@code broken} tests and impl's {@code HarnessIT} rely on
 * it on Tomcat.
 */
public final class FailedContextObserver {

    @Inject
    private Instance<StandardContext> context;

    public void failIfContextUnavailable(@Observes AfterDeploy event) throws DeploymentException {
        StandardContext deployed = context.get();
        if (deployed != null && !deployed.getState().isAvailable()) {
            throw new DeploymentException("Embedded Tomcat context '" + deployed.getName() + "' of deployment "
                    + event.getDeployment().getName() + " did not start (state " + deployed.getState()
                    + "); see the server log for the cause");
        }
    }
}
