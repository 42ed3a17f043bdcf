package dev.steadfast.tck.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.app.CountServlet;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.SessionCookies;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Switching {@code steadfast.session.format} between the signed and the encrypted format across redeploys of one
 * application (one audience and key; the kit deploys it under two archive names) logs nobody out: each deployment
 * accepts the other format's cookie and re-issues it in its own.
 */
@SteadfastContainerTest
@RunAsClient
class FormatSwitchIT {

    private static final String KEY = TestKeys.secret();

    @ArquillianResource
    private Deployer deployer;

    private static WebArchive app(String format) {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring("k1", KEY));
        config.put("steadfast.session.audience", "formats");
        config.put("steadfast.session.format", format);
        // Two archives (Arquillian wants distinct names) of one application: the audience makes them one.
        return Wars.named("formats-" + format).classes(CountServlet.class).config(config).build();
    }

    /** Kept deployed so the test has a URL to derive the others from. */
    @Deployment(name = "formats-anchor", testable = false)
    static WebArchive anchor() {
        return Wars.named("formats-anchor").classes(CountServlet.class).config(TestKeys.ring("k1", KEY)).build();
    }

    @Deployment(name = "formats-jws", managed = false, testable = false)
    static WebArchive signed() {
        return app("jws");
    }

    @Deployment(name = "formats-jwe", managed = false, testable = false)
    static WebArchive encrypted() {
        return app("jwe");
    }

    @Test
    @Clause("ENC-8")
    @Clause("ENC-1")
    void signedThenEncryptedThenSigned_keepsTheSessionAndReissuesInTheConfiguredFormat(
            @ArquillianResource @OperateOnDeployment("formats-anchor") URL any) {
        URL jws = Wars.url(any, "formats-jws");
        URL jwe = Wars.url(any, "formats-jwe");
        String signed = inDeployment("formats-jws", () -> {
            Http.Response r = Http.get(jws, "count");
            assertThat(r.body()).isEqualTo("count=1");
            return SessionCookies.issued(r).orElseThrow();
        });
        assertThat(segments(signed)).isEqualTo(3);

        String encrypted = inDeployment("formats-jwe", () -> {
            Http.Response r = Http.get(jwe, "count", signed);
            assertThat(r.body()).isEqualTo("count=2");
            return SessionCookies.issued(r).orElseThrow();
        });
        assertThat(segments(encrypted)).isEqualTo(5);

        String signedAgain = inDeployment("formats-jws", () -> {
            Http.Response r = Http.get(jws, "count", encrypted);
            assertThat(r.body()).isEqualTo("count=3");
            return SessionCookies.issued(r).orElseThrow();
        });
        assertThat(segments(signedAgain)).isEqualTo(3);
    }

    private static int segments(String setCookie) {
        String value = SessionCookies.value(setCookie);
        int end = value.indexOf(';');
        return (end < 0 ? value : value.substring(0, end)).split("\\.", -1).length;
    }

    private <T> T inDeployment(String name, Supplier<T> body) {
        deployer.deploy(name);
        try {
            return body.get();
        } finally {
            deployer.undeploy(name);
        }
    }
}
