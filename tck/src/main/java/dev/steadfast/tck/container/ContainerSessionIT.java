package dev.steadfast.tck.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.app.CartBean;
import dev.steadfast.tck.app.ContainerSessionServlet;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.ServerLog;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * State that would live in the container's own session is reported: {@code @SessionScoped} beans at deployment
 * (STEADFAST-2008) and container sessions created at runtime (STEADFAST-3004), unless the application allows them.
 * What the kit checks here is in the log, so without a server log (runner property {@code steadfast.tck.server.log}
 * = none) only the deployments and responses are checked.
 */
@SteadfastContainerTest
@RunAsClient
class ContainerSessionIT {

    private static final String BEAN = "STEADFAST-2008: @SessionScoped bean " + CartBean.class.getName();
    /** Absence can only be waited for: long enough for Payara's asynchronous log to catch up. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @ArquillianResource
    private Deployer deployer;

    /** {@code fail} refuses {@code @SessionScoped} beans; a container session created at runtime is still reported. */
    @Deployment(name = "sessions-fail", testable = false)
    static WebArchive failWithoutBeans() {
        return war("sessions-fail", "fail").build();
    }

    @Deployment(name = "sessions-warn", managed = false, testable = false)
    static WebArchive warn() {
        return war("sessions-warn", null).classes(CartBean.class).beansXml("annotated").build();
    }

    @Deployment(name = "sessions-allow", managed = false, testable = false)
    static WebArchive allow() {
        return war("sessions-allow", "Allow").classes(CartBean.class).beansXml("annotated").build();
    }

    private static Wars.Builder war(String name, String policy) {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring("k1", TestKeys.secret()));
        if (policy != null) {
            config.put("steadfast.session.container-sessions", policy);
        }
        return Wars.named(name).classes(ContainerSessionServlet.class).config(config);
    }

    private static String runtimeWarning(String app) {
        return "STEADFAST-3004: /" + app + " created a container HttpSession (first seen from "
                + ContainerSessionServlet.class.getName() + ".";
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static void createContainerSessions(URL app) {
        // Two clients without cookies: two container sessions from the same cause.
        for (int i = 0; i < 2; i++) {
            Http.Response r = Http.get(app, "container-session");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("container-session");
        }
    }

    @Test
    @Clause("CONTAINER-2")
    @Clause("CONTAINER-3")
    void byDefault_sessionScopedBeansAndContainerSessionsAreReportedOnce(
            @ArquillianResource @OperateOnDeployment("sessions-fail") URL any) {
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        deployer.deploy("sessions-warn");
        try {
            URL app = Wars.url(any, "sessions-warn");
            log.ifPresent(l -> assertThat(l.awaitSince(mark.get(), BEAN)).contains(BEAN));

            createContainerSessions(app);

            log.ifPresent(l -> {
                String warning = runtimeWarning("sessions-warn");
                l.awaitSince(mark.get(), warning);
                String text = l.awaitSince(mark.get(), t -> false, QUIET);
                assertThat(occurrences(text, warning)).as("STEADFAST-3004 once per cause, in:%n%s", text)
                        .isEqualTo(1);
            });
        } finally {
            deployer.undeploy("sessions-warn");
        }
    }

    @Test
    @Clause("CONTAINER-1")
    @Clause("CONTAINER-2")
    @Clause("CONTAINER-3")
    void allow_silencesBothReports(@ArquillianResource @OperateOnDeployment("sessions-fail") URL any) {
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        deployer.deploy("sessions-allow");
        try {
            createContainerSessions(Wars.url(any, "sessions-allow"));

            log.ifPresent(l -> {
                String text = l.awaitSince(mark.get(), t -> false, QUIET);
                assertThat(text).contains("STEADFAST-2000: Steadfast ready for /sessions-allow")
                        .doesNotContain(BEAN).doesNotContain("STEADFAST-3004: /sessions-allow");
            });
        } finally {
            deployer.undeploy("sessions-allow");
        }
    }

    @Test
    @Clause("CONTAINER-1")
    @Clause("CONTAINER-3")
    void fail_stillReportsContainerSessionsAtRuntime(
            @ArquillianResource @OperateOnDeployment("sessions-fail") URL app) {
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);

        createContainerSessions(app);

        log.ifPresent(l -> assertThat(l.awaitSince(mark.get(), runtimeWarning("sessions-fail")))
                .contains(runtimeWarning("sessions-fail")));
    }
}
