package dev.steadfast.tck.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.app.CrossContextServlet;
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
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Two applications with the same key, each with its own cookie (both at path {@code /}, so the client sends both to
 * either), dispatching into each other. Where the container refuses cross-context dispatch
 * ({@code getContext} returns null) the tests are skipped, visibly. Tomcat needs {@code crossContext="true"}, which
 * each WAR asks for in {@code META-INF/context.xml}; other containers ignore that file.
 */
@SteadfastContainerTest
@RunAsClient
class CrossContextIT {

    private static final String KEY = TestKeys.secret();
    private static final String OUTER = "xctx-outer";
    private static final String INNER = "xctx-inner";

    private static WebArchive app(String name) {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring("k1", KEY));
        config.put("steadfast.session.cookie.name", name);
        config.put("steadfast.session.cookie.path", "/");
        return Wars.named(name).classes(CrossContextServlet.class).config(config).build()
                .addAsManifestResource(new StringAsset("<Context crossContext=\"true\"/>\n"), "context.xml");
    }

    @Deployment(name = OUTER, testable = false)
    static WebArchive outer() {
        return app(OUTER);
    }

    @Deployment(name = INNER, testable = false)
    static WebArchive inner() {
        return app(INNER);
    }

    private static void assumeCrossContext(Http.Response response) {
        assumeFalse(response.body().equals("no-context"), "this container does not allow cross-context dispatch "
                + "here (ServletContext.getContext returned null): nothing to check");
    }

    @Test
    @Clause("SESSION-22")
    void anIncludedApplicationReadsItsOwnSessionAndTheCallerKeepsItsOwn(
            @ArquillianResource @OperateOnDeployment(OUTER) URL outer,
            @ArquillianResource @OperateOnDeployment(INNER) URL inner) {
        String innerCookie = SessionCookies.issued(Http.get(inner, "xctx/count"), INNER).orElseThrow();

        Http.Response r = Http.get(outer, "xctx/include?to=/" + INNER, innerCookie);
        assumeCrossContext(r);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("/" + OUTER + " count=1|/" + INNER + " peek=1|after=2");
        // The include could not set a header: only the caller's cookie is written.
        assertThat(SessionCookies.header(r, INNER)).isEmpty();
        String outerCookie = SessionCookies.issued(r, OUTER).orElseThrow();
        assertThat(Http.get(outer, "xctx/peek", outerCookie).body()).isEqualTo("/" + OUTER + " peek=2");
        // Each cookie belongs to its application: neither verifies in the other (audience).
        assertThat(Http.get(inner, "xctx/peek", outerCookie.replace(OUTER + "=", INNER + "=")).body())
                .isEqualTo("/" + INNER + " peek=null");
    }

    @Test
    @Clause("SESSION-23")
    void aForwardWritesBothApplicationsSessions(@ArquillianResource @OperateOnDeployment(OUTER) URL outer,
                                                @ArquillianResource @OperateOnDeployment(INNER) URL inner) {
        String innerCookie = SessionCookies.issued(Http.get(inner, "xctx/count"), INNER).orElseThrow();

        Http.Response r = Http.get(outer, "xctx/forward?to=/" + INNER, innerCookie);
        assumeCrossContext(r);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("/" + INNER + " count=2");
        String outerCookie = SessionCookies.issued(r, OUTER).orElseThrow();
        String newInner = SessionCookies.issued(r, INNER).orElseThrow();
        assertThat(Http.get(outer, "xctx/peek", outerCookie).body()).isEqualTo("/" + OUTER + " peek=1");
        assertThat(Http.get(inner, "xctx/peek", newInner).body()).isEqualTo("/" + INNER + " peek=2");
    }
}
