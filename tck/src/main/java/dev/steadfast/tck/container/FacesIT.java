package dev.steadfast.tck.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.Tags;
import dev.steadfast.tck.app.PingServlet;
import dev.steadfast.tck.support.FacesWars;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.Jws;
import dev.steadfast.tck.support.ServerLog;
import dev.steadfast.tck.support.SessionCookies;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Jakarta Faces application behind the implementation (Faces from the container or from the runner, see
 * {@link FacesWars}): with client state saving and a client-state key of its own it deploys in production, serves
 * its page, and its form posts keep working across a redeploy, the session with them; with Faces' default
 * settings a development deployment starts with a warning and its pages fail cleanly. The refusals are in
 * {@code broken.FacesRefusalIT}.
 */
@SteadfastContainerTest
@Tag(Tags.FACES)
@RunAsClient
class FacesIT {

    private static final String ANCHOR = "faces-anchor";
    private static final String CLIENT = "faces-client";
    private static final String DEVELOPMENT = "faces-development";
    private static final String KEY = TestKeys.secret();
    private static final String FACES_KEY = FacesWars.newKey();

    @ArquillianResource
    private Deployer deployer;

    @BeforeEach
    void facesAvailable() {
        FacesWars.assumeFaces();
    }

    /** Gives the unmanaged deployments a base URL (every supported container uses the WAR name as root). */
    @Deployment(name = ANCHOR, testable = false)
    static WebArchive anchor() {
        return Wars.named(ANCHOR).classes(PingServlet.class).config(TestKeys.ring("k1", TestKeys.secret())).build();
    }

    @Deployment(name = CLIENT, managed = false, testable = false)
    static WebArchive client() {
        return FacesWars.named(CLIENT).clientState(FACES_KEY).config(TestKeys.ring("k1", KEY)).build();
    }

    @Deployment(name = DEVELOPMENT, managed = false, testable = false)
    static WebArchive development() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("steadfast.mode", "development");
        // Kept out of the server user's home.
        config.put("steadfast.dev.key-file", Path.of(System.getProperty("java.io.tmpdir"),
                "steadfast-tck-" + UUID.randomUUID(), "dev.key").toString());
        return FacesWars.named(DEVELOPMENT).config(config).build();
    }

    @Test
    @Clause("DEPLOY-11")
    @Clause("RESTART-1")
    @Clause("SESSION-21")
    void clientStateWithAGoodKey_servesThePageAndItsFormsSurviveARedeploy(
            @ArquillianResource @OperateOnDeployment(ANCHOR) URL anchor) {
        URL url = Wars.url(anchor, CLIENT);
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        String cookie;
        String viewState;
        deployer.deploy(CLIENT);
        try {
            Http.Response page = Http.get(url, FacesWars.PAGE);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains(FacesWars.RENDERED).contains("note=[]");

            Http.Response saved = Http.post(url, FacesWars.PAGE, FacesWars.form("first",
                    FacesWars.viewState(page.body())), null);
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.body()).contains("note=[first]");
            cookie = SessionCookies.issued(saved).orElseThrow();
            viewState = FacesWars.viewState(saved.body());
            assertThat(Jws.parse(SessionCookies.value(cookie)).payload()).contains("\"note\"");
        } finally {
            deployer.undeploy(CLIENT);
        }
        log.ifPresent(l -> assertThat(l.since(mark.get())).doesNotContain(FACES_KEY).doesNotContain(KEY));

        // Another start of the same application: a new class loader and a new Faces, the same keys.
        deployer.deploy(CLIENT);
        try {
            Http.Response read = Http.get(url, FacesWars.PAGE, cookie);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains("note=[first]");

            // The form of a page rendered before the redeploy, with the session of then: Faces restores the view
            // (no ViewExpiredException) and the session takes the new value.
            Http.Response posted = Http.post(url, FacesWars.PAGE, FacesWars.form("second", viewState), cookie);
            assertThat(posted.status()).as(posted.body()).isEqualTo(200);
            assertThat(posted.body()).contains("note=[second]").doesNotContain("ViewExpired");
            String next = SessionCookies.issued(posted).orElseThrow();
            // Mojarra sets its client-state key on the session of every such page: it never reaches the cookie.
            assertThat(Jws.parse(SessionCookies.value(next)).payload()).contains("\"note\"")
                    .doesNotContain("com.sun.faces").doesNotContain("org.apache.myfaces");
            assertThat(Http.get(url, FacesWars.PAGE, next).body()).contains("note=[second]");
        } finally {
            deployer.undeploy(CLIENT);
        }
        log.ifPresent(l -> assertThat(l.since(mark.get())).doesNotContain("STEADFAST-2013")
                .doesNotContain("STEADFAST-2014").doesNotContain(FACES_KEY));
    }

    @Test
    @Clause("DEPLOY-10")
    @Clause("SESSION-20")
    void defaultSettingsInDevelopment_deployWithTheWarningAndFailThePageWithoutAStackTrace(
            @ArquillianResource @OperateOnDeployment(ANCHOR) URL anchor) {
        URL url = Wars.url(anchor, DEVELOPMENT);
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        deployer.deploy(DEVELOPMENT);
        try {
            log.ifPresent(l -> assertThat(l.awaitSince(mark.get(), "STEADFAST-2013"))
                    .contains("STEADFAST-2013: Jakarta Faces keeps view state in the session")
                    .contains(FacesWars.STATE_SAVING_METHOD));

            // Server-side state saving fills a map in the session after setAttribute (SESSION-20).
            Http.Response page = Http.get(url, FacesWars.PAGE);
            assertThat(page.setCookies()).noneMatch(h -> h.startsWith(SessionCookies.NAME + "="));
            assertThat(page.body()).doesNotContain("Exception").doesNotContain("dev.steadfast")
                    .doesNotContain("\tat ");
            if (page.status() != 500) {
                assertThat(page.body()).as("a committed response keeps its body").contains(FacesWars.RENDERED);
            }
        } finally {
            deployer.undeploy(DEVELOPMENT);
        }
    }
}
