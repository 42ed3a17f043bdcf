package dev.steadfast.tck.container.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.app.CartBean;
import dev.steadfast.tck.app.PingServlet;
import dev.steadfast.tck.app.SecretsBean;
import dev.steadfast.tck.app.TutorialDefaultBean;
import dev.steadfast.tck.app.WeakBoundBean;
import dev.steadfast.tck.support.ServerLog;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Production deployments that must be refused, one per class of bad secret: the deployment fails (Deployer +
 * assertThrows, since containers report it with different exceptions) and, where the runner exposes the server log,
 * the log names the property and never the value. Values are unique per run, so an earlier run's log cannot make a
 * "never the value" assertion pass.
 */
@SteadfastContainerTest
@RunAsClient
class DeploymentRefusalIT {

    private static final String KEY = TestKeys.secret();
    private static final String SHARED = TestKeys.secret();
    private static final String WEAK = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    private static final String PLACEHOLDER = "${SESSION_SECRET_"
            + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT).replaceAll("[0-9]", "X") + "}";
    /** The README's example key (spec Appendix A). */
    private static final String KNOWN = "Rm9yIGV4YW1wbGUgb25seTogZ2VuZXJhdGUgeW91ciBvd24";
    private static final String DEV_KEY = "sfdev-" + TestKeys.secret();
    /** Strong: the refusal of DEPLOY-9 is about the bound, whatever the value. */
    private static final String PIN = TestKeys.secret();

    @ArquillianResource
    private Deployer deployer;

    /** Kept deployed so the container has something running between refusals (and a URL for anyone who needs it). */
    @Deployment(name = "refusal-anchor", testable = false)
    static WebArchive anchor() {
        return Wars.named("refusal-anchor").classes(PingServlet.class).config(TestKeys.ring("k1", TestKeys.secret()))
                .build();
    }

    private static WebArchive ping(String name, Map<String, String> config) {
        return Wars.named(name).classes(PingServlet.class).config(config).build();
    }

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Deployment(name = "missing", managed = false, testable = false)
    static WebArchive missing() {
        return ping("missing", Map.of("unrelated", "1"));
    }

    @Deployment(name = "weak", managed = false, testable = false)
    static WebArchive weak() {
        return ping("weak", TestKeys.ring("k1", WEAK));
    }

    @Deployment(name = "placeholder", managed = false, testable = false)
    static WebArchive placeholder() {
        return ping("placeholder", TestKeys.ring("k1", PLACEHOLDER));
    }

    @Deployment(name = "known", managed = false, testable = false)
    static WebArchive known() {
        return ping("known", TestKeys.ring("k1", KNOWN));
    }

    @Deployment(name = "devkey", managed = false, testable = false)
    static WebArchive devKey() {
        return ping("devkey", TestKeys.ring("k1", DEV_KEY));
    }

    @Deployment(name = "reused", managed = false, testable = false)
    static WebArchive reused() {
        return Wars.named("reused").classes(PingServlet.class, SecretsBean.class).beansXml("annotated")
                .config(with(TestKeys.ring("k1", SHARED), "jwt.secret", SHARED, "admin.api-token", SHARED)).build();
    }

    @Deployment(name = "tutorial-default", managed = false, testable = false)
    static WebArchive tutorialDefault() {
        return Wars.named("tutorial-default").classes(PingServlet.class, TutorialDefaultBean.class)
                .beansXml("annotated").config(TestKeys.ring("k1", KEY)).build();
    }

    @Deployment(name = "validate-list", managed = false, testable = false)
    static WebArchive validateList() {
        return ping("validate-list", with(TestKeys.ring("k1", KEY), "steadfast.validate", "payments.api-key"));
    }

    @Deployment(name = "samesite-none", managed = false, testable = false)
    static WebArchive sameSiteNone() {
        return ping("samesite-none", with(TestKeys.ring("k1", KEY), "steadfast.session.cookie.same-site", "None"));
    }

    @Deployment(name = "budget-without-chunking", managed = false, testable = false)
    static WebArchive budgetWithoutChunking() {
        return ping("budget-without-chunking", with(TestKeys.ring("k1", KEY), "steadfast.session.max-size", "3801"));
    }

    @Deployment(name = "session-setting-typos", managed = false, testable = false)
    static WebArchive sessionSettingTypos() {
        return ping("session-setting-typos", with(TestKeys.ring("k1", KEY), "steadfast.session.chunking", "yes",
                "steadfast.session.container-sessions", "warning"));
    }

    @Deployment(name = "session-scoped-fail", managed = false, testable = false)
    static WebArchive sessionScopedFail() {
        return Wars.named("session-scoped-fail").classes(PingServlet.class, CartBean.class).beansXml("annotated")
                .config(with(TestKeys.ring("k1", KEY), "steadfast.session.container-sessions", "FAIL")).build();
    }

    @Deployment(name = "session-scoped-fail-development", managed = false, testable = false)
    static WebArchive sessionScopedFailDevelopment() {
        return Wars.named("session-scoped-fail-development").classes(PingServlet.class, CartBean.class)
                .beansXml("annotated").config(Map.of("steadfast.mode", "development",
                        "steadfast.session.container-sessions", "fail",
                        // Kept out of the server user's home, should the development key be made before refusal.
                        "steadfast.dev.key-file", java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                                "steadfast-tck-" + UUID.randomUUID(), "dev.key").toString())).build();
    }

    @Deployment(name = "min-bits", managed = false, testable = false)
    static WebArchive minBits() {
        return Wars.named("min-bits").classes(PingServlet.class, WeakBoundBean.class).beansXml("annotated")
                .config(with(TestKeys.ring("k1", KEY), "legacy.pin", PIN)).build();
    }

    @Test
    @Clause("DEPLOY-1")
    @Clause("KEYS-4")
    void missingKey_refusesDeployment() {
        assertRefused("missing", "STEADFAST-1001: steadfast.keys (not set) lists no key");
    }

    @Test
    @Clause("DEPLOY-1")
    @Clause("DEPLOY-2")
    @Clause("POLICY-3")
    void weakKey_refusesDeploymentNamingPropertyNotValue() {
        assertRefused("weak", "STEADFAST-1101: steadfast.key.k1.secret (from ").ifPresent(text ->
                assertThat(text).doesNotContain(WEAK));
    }

    @Test
    @Clause("DEPLOY-1")
    @Clause("DEPLOY-2")
    @Clause("POLICY-4")
    void placeholderKey_refusesDeploymentNamingPropertyNotValue() {
        assertRefused("placeholder", "STEADFAST-1103: steadfast.key.k1.secret (from ").ifPresent(text ->
                // Payara itself logs an unexpanded ${...} expression: only Steadfast's own lines are the subject.
                assertThat(text.lines().filter(l -> l.contains("STEADFAST-"))).isNotEmpty()
                        .noneMatch(l -> l.contains(PLACEHOLDER)));
    }

    @Test
    @Clause("DEPLOY-1")
    @Clause("DEPLOY-2")
    @Clause("POLICY-5")
    void publiclyKnownKey_refusesDeploymentNamingPropertyNotValue() {
        assertRefused("known", "STEADFAST-1104: steadfast.key.k1.secret (from ").ifPresent(text ->
                assertThat(text).doesNotContain(KNOWN));
    }

    @Test
    @Clause("DEPLOY-1")
    @Clause("DEPLOY-8")
    @Clause("POLICY-7")
    void developmentKeyInProduction_refusesDeployment() {
        assertRefused("devkey", "STEADFAST-1106: steadfast.key.k1.secret (from ").ifPresent(text ->
                assertThat(text).doesNotContain(DEV_KEY));
    }

    @Test
    @Clause("DEPLOY-1")
    @Clause("DEPLOY-3")
    @Clause("DEPLOY-4")
    @Clause("POLICY-8")
    void secretReusedAcrossSecretProperties_refusesDeploymentListingEveryFinding() {
        assertRefused("reused", "STEADFAST-1107: jwt.secret (from ").ifPresent(text ->
                assertThat(text).contains("STEADFAST-1107: admin.api-token (from ")
                        .contains("steadfast.key.k1.secret").doesNotContain(SHARED));
    }

    @Test
    @Clause("DEPLOY-4")
    void secretOnlyInConfigPropertyDefault_isJudgedAsTheValueTheApplicationGets() {
        assertRefused("tutorial-default", "tutorial.jwt.secret (from @ConfigProperty(defaultValue) on "
                + TutorialDefaultBean.class.getName()).ifPresent(text ->
                assertThat(text).doesNotContain("your-256-bit-secret"));
    }

    @Test
    @Clause("DEPLOY-5")
    @Clause("POLICY-2")
    void secretNamedInValidateListWithoutValue_refusesDeployment() {
        assertRefused("validate-list", "STEADFAST-1108: payments.api-key (not set)");
    }

    @Test
    @Clause("COOKIE-4")
    void sameSiteNoneWithoutSecure_refusesDeployment() {
        assertRefused("samesite-none", "STEADFAST-1012: steadfast.session.cookie.same-site");
    }

    @Test
    @Clause("CHUNK-1")
    @Clause("DEPLOY-1")
    void budgetAboveOneCookieWithoutChunking_refusesDeployment() {
        assertRefused("budget-without-chunking", "STEADFAST-1008: steadfast.session.max-size (from ");
    }

    @Test
    @Clause("CHUNK-1")
    @Clause("CONTAINER-1")
    @Clause("DEPLOY-3")
    void unknownChunkingOrContainerSessionsValue_refusesDeployment() {
        assertRefused("session-setting-typos", "STEADFAST-1008: steadfast.session.chunking (from ").ifPresent(text ->
                assertThat(text).contains("STEADFAST-1008: steadfast.session.container-sessions (from "));
    }

    @Test
    @Clause("CONTAINER-2")
    void sessionScopedBeanWithContainerSessionsFail_refusesDeployment() {
        assertRefused("session-scoped-fail", "STEADFAST-2008: @SessionScoped bean " + CartBean.class.getName());
    }

    @Test
    @Clause("CONTAINER-2")
    void sessionScopedBeanWithContainerSessionsFail_refusesDeploymentInDevelopmentToo() {
        assertRefused("session-scoped-fail-development", "STEADFAST-2008: @SessionScoped bean "
                + CartBean.class.getName());
    }

    @Test
    @Clause("DEPLOY-9")
    @Clause("DEPLOY-1")
    void secretBoundBelow64Bits_refusesDeploymentNamingTheInjectionPointNotTheValue() {
        assertRefused("min-bits", "STEADFAST-2010: @Secret on " + WeakBoundBean.class.getName() + ".pin (minBits = 63)")
                .ifPresent(text -> assertThat(text).doesNotContain(PIN));
    }

    /**
     * Deploys a WAR that must be refused. Returns the server log since the attempt, which contains {@code expected},
     * or empty when the runner exposes no log.
     */
    private Optional<String> assertRefused(String name, String expected) {
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        try {
            assertThrows(Exception.class, () -> deployer.deploy(name), name + " must not deploy");
        } finally {
            deployer.undeploy(name);
        }
        return log.map(l -> {
            String text = l.awaitSince(mark.get(), expected);
            assertThat(text).contains(expected);
            return text;
        });
    }
}
