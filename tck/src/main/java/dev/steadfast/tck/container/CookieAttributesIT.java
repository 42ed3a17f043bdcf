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

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The session cookie's name and attributes: defaults in production (Secure, hence a prefixed name) and every
 * {@code steadfast.session.cookie.*} setting.
 */
@SteadfastContainerTest
@RunAsClient
class CookieAttributesIT {

    private static final String KEY = TestKeys.secret();

    private static WebArchive app(String name, String... settings) {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring("k1", KEY));
        config.remove("steadfast.session.cookie.secure");
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        return Wars.named(name).classes(CountServlet.class).config(config).build();
    }

    @Deployment(name = "cookie-secure", testable = false)
    static WebArchive secure() {
        return app("cookie-secure");
    }

    @Deployment(name = "cookie-host", testable = false)
    static WebArchive host() {
        return app("cookie-host", "steadfast.session.cookie.path", "/");
    }

    @Deployment(name = "cookie-custom", testable = false)
    static WebArchive custom() {
        return app("cookie-custom", "steadfast.session.cookie.secure", "false",
                "steadfast.session.cookie.name", "tcksession", "steadfast.session.cookie.http-only", "false",
                "steadfast.session.cookie.same-site", "Strict", "steadfast.session.cookie.domain", "tck.example",
                "steadfast.session.cookie.path", "/cookie-custom/count");
    }

    @Test
    @Clause("COOKIE-1")
    @Clause("COOKIE-5")
    void productionCookieIsSecureAndNamedWithThePrefixItQualifiesFor(
            @ArquillianResource @OperateOnDeployment("cookie-secure") URL secure,
            @ArquillianResource @OperateOnDeployment("cookie-host") URL host) {
        Http.Response s = Http.get(secure, "count");
        Http.Response h = Http.get(host, "count");

        assertThat(SessionCookies.header(s, "__Secure-steadfast")).get().asString().contains("; Secure")
                .contains("Path=/cookie-secure");
        assertThat(SessionCookies.header(h, "__Host-steadfast")).get().asString().contains("; Secure")
                .contains("Path=/").doesNotContainIgnoringCase("Domain=");
        // The client sends it back by name over whatever transport; the session continues.
        String cookie = SessionCookies.issued(s, "__Secure-steadfast").orElseThrow();
        assertThat(Http.get(secure, "count", cookie).body()).isEqualTo("count=2");
    }

    @Test
    @Clause("COOKIE-3")
    void everyCookieAttributeIsConfigurable(@ArquillianResource @OperateOnDeployment("cookie-custom") URL url) {
        Http.Response r = Http.get(url, "count");

        String header = SessionCookies.header(r, "tcksession").orElseThrow();
        assertThat(header).contains("Path=/cookie-custom/count").contains("Domain=tck.example")
                .contains("SameSite=Strict").doesNotContainIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure");
        String cookie = SessionCookies.issued(r, "tcksession").orElseThrow();
        assertThat(Http.get(url, "count", cookie).body()).isEqualTo("count=2");
    }
}
