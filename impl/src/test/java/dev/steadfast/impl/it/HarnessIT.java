package dev.steadfast.impl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.inject.spi.Extension;
import jakarta.servlet.ServletContainerInitializer;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.steadfast.impl.it.harness.ConfigServlet;
import dev.steadfast.impl.it.harness.FailingInitializer;
import dev.steadfast.impl.it.harness.ProblemExtension;
import dev.steadfast.impl.it.support.ContainerTest;
import dev.steadfast.tck.app.PingServlet;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.ServerLog;
import dev.steadfast.tck.support.TckSettings;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

/**
 * Self-tests of the harness (the kit's support classes as impl's runners configure them), run on every container: a good WAR deploys and answers over HTTP with its
 * MicroProfile Config; a WAR whose startup listener throws (registered by a ServletContainerInitializer, as
 * Steadfast's is), or whose CDI extension reports a deployment problem, fails to deploy (and the problem reaches
 * {@link ServerLog}); the container stays usable afterwards.
 * If one of these fails, fix the harness before reading the results of other ITs on that container.
 */
@ContainerTest
@RunAsClient
class HarnessIT {

    private static final String GOOD = "harness-config";
    private static final String SCI_FAILS = "harness-sci-fails";
    private static final String CDI_FAILS = "harness-cdi-fails";
    private static final String GOOD_AFTER_FAILURE = "harness-after-failure";

    /** Unique per run, so the log assertion cannot be satisfied by an earlier run's server.log. */
    private static final String PROBLEM = "HARNESS-PROBLEM-" + UUID.randomUUID();

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = GOOD, testable = false)
    static WebArchive goodWar() {
        return Wars.named(GOOD)
                .classes(ConfigServlet.class)
                .config(Map.of("harness.greeting", "hello from " + TckSettings.container()))
                .config(TestKeys.ring("k1", TestKeys.secret()))
                .build();
    }

    @Deployment(name = SCI_FAILS, managed = false, testable = false)
    static WebArchive sciFailsWar() {
        return Wars.named(SCI_FAILS)
                .withoutImplementation()
                .classes(PingServlet.class)
                .service(ServletContainerInitializer.class, FailingInitializer.class)
                .build();
    }

    @Deployment(name = CDI_FAILS, managed = false, testable = false)
    static WebArchive cdiFailsWar() {
        return Wars.named(CDI_FAILS)
                .withoutImplementation()
                .classes(PingServlet.class)
                .beansXml("all")
                .service(Extension.class, ProblemExtension.class)
                .build()
                .addAsResource(new StringAsset(PROBLEM), ProblemExtension.MESSAGE_RESOURCE);
    }

    @Deployment(name = GOOD_AFTER_FAILURE, managed = false, testable = false)
    static WebArchive goodAfterFailureWar() {
        return Wars.named(GOOD_AFTER_FAILURE).withoutImplementation().classes(PingServlet.class).build();
    }

    @Test
    void goodWar_servesConfigValueOverHttp(@ArquillianResource @OperateOnDeployment(GOOD) URL url) {
        Http.Response response = Http.get(url, "config?key=harness.greeting");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello from " + TckSettings.container());
    }

    @Test
    void throwingStartupListener_failsDeployment() {
        try {
            assertThrows(Exception.class, () -> deployer.deploy(SCI_FAILS));
        } finally {
            deployer.undeploy(SCI_FAILS);
        }
    }

    @Test
    void cdiDeploymentProblem_failsDeploymentAndReachesServerLog() {
        // The harness must expose the log on every container it supports; the kit's log assertions depend on it.
        ServerLog log = ServerLog.current().orElseThrow(() -> new AssertionError(
                TckSettings.SERVER_LOG + " is not set for " + TckSettings.container()));
        ServerLog.Mark mark = log.mark();
        try {
            assertThrows(Exception.class, () -> deployer.deploy(CDI_FAILS));
        } finally {
            deployer.undeploy(CDI_FAILS);
        }

        assertThat(log.awaitSince(mark, PROBLEM)).contains(PROBLEM);
    }

    @Test
    void failedDeployment_leavesContainerUsable(@ArquillianResource @OperateOnDeployment(GOOD) URL goodUrl)
            throws Exception {
        assertThrows(Exception.class, () -> deployer.deploy(SCI_FAILS));
        deployer.undeploy(SCI_FAILS);

        deployer.deploy(GOOD_AFTER_FAILURE);
        try {
            // Arquillian resolves URL parameters before the method runs, when this WAR is not deployed yet; every
            // container here uses the WAR name as context root, so derive it from the managed deployment's URL.
            URL url = goodUrl.toURI().resolve("/" + GOOD_AFTER_FAILURE + "/").toURL();
            Http.Response response = Http.get(url, "ping");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("pong");
        } finally {
            deployer.undeploy(GOOD_AFTER_FAILURE);
        }
    }
}
