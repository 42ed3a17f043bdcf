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

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Nothing about a session lives on the server: it survives a redeploy, moves between instances that share keys and
 * audience (and only those), and survives key rotation across three deployments.
 */
@SteadfastContainerTest
@RunAsClient
class RestartIT {

    private static final String K1 = TestKeys.secret();
    private static final String K2 = TestKeys.secret();

    @ArquillianResource
    private Deployer deployer;

    private static WebArchive app(String name, String audience, String... ring) {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring(ring));
        if (audience != null) {
            config.put("steadfast.session.audience", audience);
        }
        return Wars.named(name).classes(CountServlet.class).config(config).build();
    }

    @Deployment(name = "shop-a", testable = false)
    static WebArchive shopA() {
        return app("shop-a", "shop", "k1", K1);
    }

    @Deployment(name = "shop-b", testable = false)
    static WebArchive shopB() {
        return app("shop-b", "shop", "k1", K1);
    }

    @Deployment(name = "other", testable = false)
    static WebArchive other() {
        return app("other", "other", "k1", K1);
    }

    @Deployment(name = "by-path", testable = false)
    static WebArchive byPath() {
        return app("by-path", null, "k1", K1);
    }

    @Deployment(name = "redeployed", managed = false, testable = false)
    static WebArchive redeployed() {
        return app("redeployed", "redeployed", "k1", K1);
    }

    @Deployment(name = "rot-a", managed = false, testable = false)
    static WebArchive rotA() {
        return app("rot-a", "rot", "k1", K1);
    }

    @Deployment(name = "rot-ba", managed = false, testable = false)
    static WebArchive rotBa() {
        return app("rot-ba", "rot", "k2", K2, "k1", K1);
    }

    @Deployment(name = "rot-b", managed = false, testable = false)
    static WebArchive rotB() {
        return app("rot-b", "rot", "k2", K2);
    }

    @Test
    @Clause("RESTART-2")
    @Clause("RESTART-3")
    void instancesWithSameKeysAndAudience_shareSessionsAndOthersDoNot(
            @ArquillianResource @OperateOnDeployment("shop-a") URL a,
            @ArquillianResource @OperateOnDeployment("shop-b") URL b,
            @ArquillianResource @OperateOnDeployment("other") URL other,
            @ArquillianResource @OperateOnDeployment("by-path") URL byPath) {
        String cookie = SessionCookies.issued(Http.get(a, "count")).orElseThrow();
        String pathCookie = SessionCookies.issued(Http.get(byPath, "count")).orElseThrow();

        assertThat(Http.get(b, "count", cookie).body()).isEqualTo("count=2");
        assertThat(Http.get(other, "count", cookie).body()).isEqualTo("count=1");
        // Without steadfast.session.audience the audience is the context path.
        assertThat(SessionCookies.value(pathCookie)).satisfies(v -> assertThat(
                dev.steadfast.tck.support.Jws.parse(v).payloadJson()).containsEntry("aud", "/by-path"));
        assertThat(Http.get(byPath, "count", pathCookie).body()).isEqualTo("count=2");
        assertThat(Http.get(a, "count", pathCookie).body()).isEqualTo("count=1");
    }

    @Test
    @Clause("RESTART-1")
    void sessionSurvivesRedeployWithSameKeys(@ArquillianResource @OperateOnDeployment("shop-a") URL any) {
        URL url = Wars.url(any, "redeployed");
        String cookie = inDeployment("redeployed", () -> {
            String c = SessionCookies.issued(Http.get(url, "count")).orElseThrow();
            return SessionCookies.issued(Http.get(url, "count", c)).orElse(c);
        });

        String body = inDeployment("redeployed", () -> Http.get(url, "count", cookie).body());

        assertThat(body).isEqualTo("count=3");
    }

    @Test
    @Clause("ROTATE-1")
    @Clause("ROTATE-2")
    @Clause("KEYS-1")
    void rotationAcrossThreeDeployments_resignsThenDropsTheOldKey(
            @ArquillianResource @OperateOnDeployment("shop-a") URL any) {
        String oldCookie = inDeployment("rot-a", () -> {
            Http.Response r = Http.get(Wars.url(any, "rot-a"), "count");
            assertThat(r.body()).isEqualTo("count=1");
            return SessionCookies.issued(r).orElseThrow();
        });
        assertThat(SessionCookies.keyId(oldCookie)).isEqualTo("k1");

        String newCookie = inDeployment("rot-ba", () -> {
            Http.Response r = Http.get(Wars.url(any, "rot-ba"), "count", oldCookie);
            assertThat(r.body()).isEqualTo("count=2");
            return SessionCookies.issued(r).orElseThrow();
        });
        assertThat(SessionCookies.keyId(newCookie)).isEqualTo("k2");

        inDeployment("rot-b", () -> {
            URL url = Wars.url(any, "rot-b");
            Http.Response stale = Http.get(url, "count", oldCookie);
            assertThat(stale.status()).isEqualTo(200);
            assertThat(stale.body()).isEqualTo("count=1");
            assertThat(Http.get(url, "count", newCookie).body()).isEqualTo("count=3");
            return null;
        });
    }

    private <T> T inDeployment(String name, java.util.function.Supplier<T> body) {
        deployer.deploy(name);
        try {
            return body.get();
        } finally {
            deployer.undeploy(name);
        }
    }
}
