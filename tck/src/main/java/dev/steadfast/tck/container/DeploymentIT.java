package dev.steadfast.tck.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.app.CountServlet;
import dev.steadfast.tck.app.FloorBoundBean;
import dev.steadfast.tck.app.PingServlet;
import dev.steadfast.tck.app.ProbeServlet;
import dev.steadfast.tck.app.SecretsBean;
import dev.steadfast.tck.app.WeakBoundBean;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.ServerLog;
import dev.steadfast.tck.support.SessionCookies;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Deployments that must succeed: a valid production configuration (one ready line, no secret in it) and development
 * mode (a warning and a development key persisted and reused across deployments).
 */
@SteadfastContainerTest
@RunAsClient
class DeploymentIT {

    private static final String KEY = TestKeys.secret();
    private static final String JWT = TestKeys.secret();
    private static final String TOKEN = TestKeys.secret();
    /** 128 random bits: enough for a bound of 64, not for the default 256. */
    private static final String API_KEY = TestKeys.secret(16);
    private static final String PIN = TestKeys.secret();
    private static final Path DEV_KEY = Path.of(System.getProperty("java.io.tmpdir"),
            "steadfast-tck-" + UUID.randomUUID(), "dev.key");

    @ArquillianResource
    private Deployer deployer;

    /** Deployed throughout, so tests have a URL to derive the others' from. */
    @Deployment(name = "anchor", testable = false)
    static WebArchive anchor() {
        return Wars.named("anchor").classes(PingServlet.class).config(TestKeys.ring("k1", TestKeys.secret())).build();
    }

    @Deployment(name = "valid", managed = false, testable = false)
    static WebArchive valid() {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring("k1", KEY));
        config.put("jwt.secret", JWT);
        config.put("admin.api-token", TOKEN);
        config.put("legacy.api-key", API_KEY);
        return Wars.named("valid").classes(PingServlet.class, SecretsBean.class, FloorBoundBean.class)
                .beansXml("annotated").config(config).build();
    }

    @Deployment(name = "development", managed = false, testable = false)
    static WebArchive development() {
        return Wars.named("development").classes(PingServlet.class, CountServlet.class, ProbeServlet.class,
                WeakBoundBean.class).beansXml("annotated").config(Map.of("steadfast.mode", "development", "steadfast.dev.key-file",
                DEV_KEY.toString(), "legacy.pin", PIN)).build();
    }

    @Test
    @Clause("CONFIG-1")
    @Clause("DEPLOY-6")
    @Clause("MSG-2")
    @Clause("MSG-4")
    @Clause("DEPLOY-9")
    void validConfiguration_deploysAndLogsOneReadyLineWithoutSecrets(
            @ArquillianResource @OperateOnDeployment("anchor") URL any) {
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        deployer.deploy("valid");
        try {
            assertThat(Http.get(Wars.url(any, "valid"), "ping").status()).isEqualTo(200);
            log.ifPresent(l -> {
                String text = l.awaitSince(mark.get(), "STEADFAST-2000");
                assertThat(text).contains("STEADFAST-2000: Steadfast ready for /valid in production mode; keys: k1 "
                        + "(HS256");
                assertThat(text).doesNotContain(KEY, JWT, TOKEN, API_KEY);
            });
        } finally {
            deployer.undeploy("valid");
        }
    }

    @Test
    @Clause("DEPLOY-7")
    @Clause("COOKIE-5")
    @Clause("MSG-4")
    @Clause("COMMIT-5")
    @Clause("DEPLOY-9")
    void developmentMode_deploysWithWarningAndReusesThePersistedKey(
            @ArquillianResource @OperateOnDeployment("anchor") URL any) throws Exception {
        URL url = Wars.url(any, "development");
        String first = deployReadFingerprintAndCookie(url, null);
        String stored = Files.readString(DEV_KEY).strip();
        String second = deployReadFingerprintAndCookie(url, first);

        assertThat(stored).startsWith("sfdev-");
        assertThat(Files.readString(DEV_KEY).strip()).isEqualTo(stored);
        assertThat(second).isEqualTo("count=2");
    }

    /** Deploys the development WAR; with a cookie, returns the count it reaches, else the new cookie. */
    private String deployReadFingerprintAndCookie(URL url, String cookie) {
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        deployer.deploy("development");
        try {
            Http.Response r = Http.get(url, "count", cookie);
            log.ifPresent(l -> {
                String text = l.awaitSince(mark.get(), "STEADFAST-2001");
                Matcher m = Pattern.compile("STEADFAST-2001: /development runs in development mode and signs "
                        + "sessions with the development key stored at " + Pattern.quote(DEV_KEY.toString())
                        + " \\(fingerprint [0-9a-f]{16}\\)").matcher(text);
                assertThat(m.find()).as(text).isTrue();
                // Development mode warns about what production refuses (DEPLOY-9), without the value.
                String bound = "STEADFAST-2010: @Secret on " + WeakBoundBean.class.getName() + ".pin (minBits = 63)";
                assertThat(l.awaitSince(mark.get(), bound)).contains(bound).doesNotContain(PIN);
            });
            if (cookie != null) {
                return r.body();
            }
            // Development mode makes a change after commit an exception, so the developer sees it at once.
            assertThat(Http.get(url, "probe/late").body()).isEqualTo("committed late-refused");
            // Development mode: not Secure, so the plain name.
            assertThat(SessionCookies.header(r, "steadfast")).get().asString().doesNotContainIgnoringCase("Secure");
            return SessionCookies.issued(r).orElseThrow();
        } finally {
            deployer.undeploy("development");
        }
    }
}
