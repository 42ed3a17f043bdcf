package dev.steadfast.tck.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.app.KeyServlet;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.Jws;
import dev.steadfast.tck.support.SessionCookies;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A {@code java.security.Key} set on the session (Mojarra sets its client-state key there on every page) is the
 * request's only: readable for the rest of the request, never in the cookie, and not by itself a session change.
 */
@SteadfastContainerTest
@RunAsClient
class KeyAttributeIT {

    private static final String APP = "key-attribute";

    @ArquillianResource
    private URL url;

    @Deployment(name = APP, testable = false)
    static WebArchive app() {
        return Wars.named(APP).classes(KeyServlet.class).config(TestKeys.ring("k1", TestKeys.secret())).build();
    }

    @Test
    @Clause("SESSION-21")
    void keySetOnTheSession_isReadableInThatRequestOnlyAndNeverReachesTheCookie() {
        Http.Response set = Http.get(url, "key/set");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).isEqualTo("key=true names=[" + KeyServlet.KEY + ", user]");
        String cookie = SessionCookies.issued(set).orElseThrow();
        assertThat(Jws.parse(SessionCookies.value(cookie)).payload()).contains("\"user\"")
                .doesNotContain(KeyServlet.KEY);

        assertThat(Http.get(url, "key/get", cookie).body()).isEqualTo("user=ann key=false names=[user]");
    }

    @Test
    @Clause("SESSION-21")
    @Clause("SESSION-14")
    void keySetOnAnExistingSession_isNoChangeOfTheSession() {
        String cookie = SessionCookies.issued(Http.get(url, "key/set")).orElseThrow();

        Http.Response again = Http.get(url, "key/set-only", cookie);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("key=true names=[" + KeyServlet.KEY + ", user]");
        assertThat(again.setCookies()).noneMatch(h -> h.startsWith(SessionCookies.NAME + "="));
        assertThat(Http.get(url, "key/get", cookie).body()).isEqualTo("user=ann key=false names=[user]");
    }
}
