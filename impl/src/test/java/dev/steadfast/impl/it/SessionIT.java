package dev.steadfast.impl.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.it.app.CountServlet;
import dev.steadfast.impl.it.support.ContainerTest;
import dev.steadfast.impl.it.support.Http;
import dev.steadfast.impl.it.support.SessionCookies;
import dev.steadfast.impl.it.support.TestKeys;
import dev.steadfast.impl.it.support.Wars;

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
 * Sessions over real HTTP in a real container: the cookie carries the session across requests, redeploys and
 * instances sharing keys and audience; rotation re-signs; a rejected cookie is exactly no cookie.
 */
@ContainerTest
@RunAsClient
class SessionIT {

    private static final String K1 = TestKeys.secret();
    private static final String K2 = TestKeys.secret();

    @ArquillianResource
    private Deployer deployer;

    private static WebArchive app(String name, String audience, String... ring) {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring(ring));
        config.put("steadfast.session.audience", audience);
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
    void cookieCarriesSessionAcrossRequests(@ArquillianResource @OperateOnDeployment("shop-a") URL url) {
        Http.Response first = Http.get(url, "count");
        String cookie = SessionCookies.issued(first).orElseThrow();
        Http.Response second = Http.get(url, "count", cookie);
        Http.Response third = Http.get(url, "count", SessionCookies.issued(second).orElse(cookie));

        assertThat(first.body()).isEqualTo("count=1");
        assertThat(second.body()).isEqualTo("count=2");
        assertThat(third.body()).isEqualTo("count=3");
        assertThat(first.setCookies()).noneMatch(h -> h.startsWith("JSESSIONID"));
        assertThat(first.setCookies()).anySatisfy(h -> assertThat(h).startsWith("steadfast=")
                .contains("; Path=/shop-a").contains("; HttpOnly").contains("; SameSite=Lax")
                .doesNotContain("Secure"));
        assertThat(url.toString()).doesNotContain("jsessionid");
    }

    @Test
    void tamperedCookie_isExactlyNoCookie(@ArquillianResource @OperateOnDeployment("shop-a") URL url) {
        String cookie = SessionCookies.issued(Http.get(url, "count")).orElseThrow();
        Http.get(url, "count", cookie);

        Http.Response none = Http.get(url, "count");
        Http.Response tampered = Http.get(url, "count", SessionCookies.tampered(cookie));

        assertThat(tampered.status()).isEqualTo(none.status()).isEqualTo(200);
        assertThat(tampered.body()).isEqualTo(none.body()).isEqualTo("count=1");
    }

    @Test
    void instancesWithSameKeysAndAudience_shareSessions(
            @ArquillianResource @OperateOnDeployment("shop-a") URL a,
            @ArquillianResource @OperateOnDeployment("shop-b") URL b,
            @ArquillianResource @OperateOnDeployment("other") URL other) {
        String cookie = SessionCookies.issued(Http.get(a, "count")).orElseThrow();

        assertThat(Http.get(b, "count", cookie).body()).isEqualTo("count=2");
        assertThat(Http.get(other, "count", cookie).body()).isEqualTo("count=1");
    }

    @Test
    void sessionSurvivesRedeployWithSameKeys(@ArquillianResource @OperateOnDeployment("shop-a") URL any)
            throws Exception {
        URL url = DeploymentValidationIT.url(any, "redeployed");
        deployer.deploy("redeployed");
        String cookie;
        try {
            cookie = SessionCookies.issued(Http.get(url, "count")).orElseThrow();
            cookie = SessionCookies.issued(Http.get(url, "count", cookie)).orElse(cookie);
        } finally {
            deployer.undeploy("redeployed");
        }
        deployer.deploy("redeployed");
        try {
            assertThat(Http.get(url, "count", cookie).body()).isEqualTo("count=3");
        } finally {
            deployer.undeploy("redeployed");
        }
    }

    @Test
    void rotationAcrossThreeDeployments_resignsThenDropsOldKey(
            @ArquillianResource @OperateOnDeployment("shop-a") URL any) throws Exception {
        String oldCookie = inDeployment("rot-a", () -> {
            Http.Response r = Http.get(DeploymentValidationIT.url(any, "rot-a"), "count");
            assertThat(r.body()).isEqualTo("count=1");
            return SessionCookies.issued(r).orElseThrow();
        });
        assertThat(SessionCookies.keyId(oldCookie)).isEqualTo("k1");

        String newCookie = inDeployment("rot-ba", () -> {
            Http.Response r = Http.get(DeploymentValidationIT.url(any, "rot-ba"), "count", oldCookie);
            assertThat(r.body()).isEqualTo("count=2");
            return SessionCookies.issued(r).orElseThrow();
        });
        assertThat(SessionCookies.keyId(newCookie)).isEqualTo("k2");

        inDeployment("rot-b", () -> {
            URL url = DeploymentValidationIT.url(any, "rot-b");
            assertThat(Http.get(url, "count", oldCookie).body()).isEqualTo("count=1");
            assertThat(Http.get(url, "count", newCookie).body()).isEqualTo("count=3");
            return null;
        });
    }

    @Test
    void invalidate_expiresTheCookie(@ArquillianResource @OperateOnDeployment("shop-a") URL url) {
        String cookie = SessionCookies.issued(Http.get(url, "count")).orElseThrow();

        Http.Response bye = Http.post(url, "count", "", cookie);

        assertThat(bye.body()).isEqualTo("bye");
        assertThat(bye.setCookies()).anySatisfy(h -> assertThat(h).startsWith("steadfast=;").contains("Max-Age=0"));
    }

    private <T> T inDeployment(String name, ThrowingSupplier<T> body) throws Exception {
        deployer.deploy(name);
        try {
            return body.get();
        } finally {
            deployer.undeploy(name);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
