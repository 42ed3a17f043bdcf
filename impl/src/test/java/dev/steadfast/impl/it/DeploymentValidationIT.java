package dev.steadfast.impl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.steadfast.impl.it.app.SecretsBean;
import dev.steadfast.impl.it.app.TutorialDefaultBean;
import dev.steadfast.impl.it.harness.PingServlet;
import dev.steadfast.impl.it.support.ContainerTest;
import dev.steadfast.impl.it.support.Http;
import dev.steadfast.impl.it.support.ServerLog;
import dev.steadfast.impl.it.support.TestKeys;
import dev.steadfast.impl.it.support.Wars;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 * Deploy-time validation in a real container: a valid configuration deploys and logs one ready line; each class of
 * bad secret refuses the deployment, and the server log names the property but never the value. WARs without a
 * bean exercise the servlet-side path (on Tomcat, Weld does not even start for them); WARs with {@code @Secret}
 * beans exercise the CDI extension.
 */
@ContainerTest
@RunAsClient
class DeploymentValidationIT {

    private static final String KEY = TestKeys.secret();
    private static final String JWT = TestKeys.secret();
    private static final String TOKEN = TestKeys.secret();
    private static final String SHARED = TestKeys.secret();
    private static final String WEAK = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    private static final String PLACEHOLDER = "${SESSION_SECRET_"
            + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT).replaceAll("[0-9]", "X") + "}";
    private static final String KNOWN = "VyuBxj_oO69TcSj81wguirrLsK3f7F9JioFrGeSTHqI";
    private static final Path DEV_KEY = Path.of(System.getProperty("java.io.tmpdir"),
            "steadfast-it-" + UUID.randomUUID(), "dev.key");

    @ArquillianResource
    private Deployer deployer;

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Deployed throughout, so tests have a URL to derive the others' from. */
    @Deployment(name = "anchor", testable = false)
    static WebArchive anchor() {
        return Wars.named("anchor").classes(PingServlet.class).config(TestKeys.ring("k1", TestKeys.secret())).build();
    }

    @Deployment(name = "valid", managed = false, testable = false)
    static WebArchive valid() {
        return Wars.named("valid").classes(PingServlet.class, SecretsBean.class).beansXml("annotated")
                .config(with(TestKeys.ring("k1", KEY), "jwt.secret", JWT, "admin.api-token", TOKEN)).build();
    }

    @Deployment(name = "missing", managed = false, testable = false)
    static WebArchive missing() {
        return Wars.named("missing").classes(PingServlet.class).config(Map.of("unrelated", "1")).build();
    }

    @Deployment(name = "weak", managed = false, testable = false)
    static WebArchive weak() {
        return Wars.named("weak").classes(PingServlet.class).config(TestKeys.ring("k1", WEAK)).build();
    }

    @Deployment(name = "placeholder", managed = false, testable = false)
    static WebArchive placeholder() {
        return Wars.named("placeholder").classes(PingServlet.class).config(TestKeys.ring("k1", PLACEHOLDER))
                .build();
    }

    @Deployment(name = "known", managed = false, testable = false)
    static WebArchive known() {
        return Wars.named("known").classes(PingServlet.class).config(TestKeys.ring("k1", KNOWN)).build();
    }

    @Deployment(name = "reused", managed = false, testable = false)
    static WebArchive reused() {
        return Wars.named("reused").classes(PingServlet.class, SecretsBean.class).beansXml("annotated")
                .config(with(TestKeys.ring("k1", SHARED), "jwt.secret", SHARED, "admin.api-token", SHARED))
                .build();
    }

    @Deployment(name = "tutorial-default", managed = false, testable = false)
    static WebArchive tutorialDefault() {
        return Wars.named("tutorial-default").classes(PingServlet.class, TutorialDefaultBean.class)
                .beansXml("annotated").config(TestKeys.ring("k1", KEY)).build();
    }

    @Deployment(name = "development", managed = false, testable = false)
    static WebArchive development() {
        return Wars.named("development").classes(PingServlet.class).config(Map.of("steadfast.mode", "development",
                "steadfast.dev.key-file", DEV_KEY.toString())).build();
    }

    @Test
    void validConfiguration_deploysAndLogsReadyLineWithoutSecrets(@ArquillianResource @OperateOnDeployment("anchor") URL any) throws Exception {
        ServerLog log = ServerLog.current();
        ServerLog.Mark mark = log.mark();
        deployer.deploy("valid");
        try {
            Http.Response response = Http.get(url(any, "valid"), "ping");
            assertThat(response.status()).isEqualTo(200);
            String text = log.awaitSince(mark, "STEADFAST-2000");
            assertThat(text).contains("STEADFAST-2000: Steadfast ready for /valid in production mode; keys: k1 (HS256");
            assertThat(text).doesNotContain(KEY, JWT, TOKEN);
        } finally {
            deployer.undeploy("valid");
        }
    }

    @Test
    void missingKey_refusesDeployment() {
        assertRefused("missing", "STEADFAST-1001: steadfast.keys (not set) lists no key");
    }

    @Test
    void weakKey_refusesDeploymentNamingPropertyNotValue() {
        String text = assertRefused("weak", "STEADFAST-1101: steadfast.key.k1.secret (from ");
        assertThat(text).doesNotContain(WEAK);
    }

    @Test
    void placeholderKey_refusesDeploymentNamingPropertyNotValue() {
        String text = assertRefused("placeholder", "STEADFAST-1103: steadfast.key.k1.secret (from ");
        assertThat(text).doesNotContain(PLACEHOLDER);
    }

    @Test
    void publiclyKnownKey_refusesDeploymentNamingPropertyNotValue() {
        String text = assertRefused("known", "STEADFAST-1104: steadfast.key.k1.secret (from ");
        assertThat(text).doesNotContain(KNOWN);
    }

    @Test
    void secretReusedAcrossSecretProperties_refusesDeploymentThroughCdi() {
        String text = assertRefused("reused", "STEADFAST-1107: jwt.secret (from ");
        assertThat(text).contains("STEADFAST-1107: admin.api-token (from ")
                .contains("holds the same value as steadfast.key.k1.secret")
                .doesNotContain(SHARED);
    }

    @Test
    void tutorialSecretInConfigPropertyDefault_refusesDeployment() {
        String text = assertRefused("tutorial-default",
                "tutorial.jwt.secret (from @ConfigProperty(defaultValue) on " + TutorialDefaultBean.class.getName());
        assertThat(text).doesNotContain("your-256-bit-secret");
    }

    @Test
    void developmentMode_deploysWithWarningAndReusesPersistedKey(@ArquillianResource @OperateOnDeployment("anchor") URL any) throws Exception {
        ServerLog log = ServerLog.current();
        String first = deployAndReadDevFingerprint(log, any);
        String stored = Files.readString(DEV_KEY).strip();
        String second = deployAndReadDevFingerprint(log, any);

        assertThat(stored).startsWith("sfdev-");
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(DEV_KEY).strip()).isEqualTo(stored);
    }

    private String deployAndReadDevFingerprint(ServerLog log, URL any) throws Exception {
        ServerLog.Mark mark = log.mark();
        deployer.deploy("development");
        try {
            assertThat(Http.get(url(any, "development"), "ping").status()).isEqualTo(200);
            String text = log.awaitSince(mark, "STEADFAST-2001");
            Matcher m = Pattern.compile("STEADFAST-2001: /development runs in development mode and signs sessions "
                    + "with the development key stored at " + Pattern.quote(DEV_KEY.toString())
                    + " \\(fingerprint ([0-9a-f]{16})\\)").matcher(text);
            assertThat(m.find()).as(text).isTrue();
            return m.group(1);
        } finally {
            deployer.undeploy("development");
        }
    }

    /** Deploys a WAR that must be refused; returns the log text since the attempt, which contains {@code expected}. */
    private String assertRefused(String name, String expected) {
        ServerLog log = ServerLog.current();
        ServerLog.Mark mark = log.mark();
        try {
            assertThrows(Exception.class, () -> deployer.deploy(name));
        } finally {
            deployer.undeploy(name);
        }
        String text = log.awaitSince(mark, expected);
        assertThat(text).contains(expected);
        return text;
    }

    /** Arquillian resolves URLs for deployed archives only; every container here uses the WAR name as root. */
    static URL url(URL any, String war) throws Exception {
        return any.toURI().resolve("/" + war + "/").toURL();
    }
}
