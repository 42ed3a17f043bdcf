package dev.steadfast.impl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.steadfast.impl.it.faces.GuessBean;
import dev.steadfast.impl.it.support.ContainerTest;
import dev.steadfast.tck.app.PingServlet;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.Jws;
import dev.steadfast.tck.support.ServerLog;
import dev.steadfast.tck.support.SessionCookies;
import dev.steadfast.tck.support.TckSettings;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue #22 on WildFly's own Jakarta Faces (the Mojarra of its {@code jsf} subsystem; nothing of Faces in the WAR):
 * a guessing page with a form and a request-scoped bean ({@link GuessBean}), deployed with Steadfast in production.
 * Faces' default settings are refused (STEADFAST-2013), client state without a key too (STEADFAST-2014); with a
 * key of its own in a {@code web.xml} environment entry ({@code faces/ClientSideSecretKey}, which Mojarra and
 * Steadfast both look up under {@code java:comp/env}) the form posts, and a form rendered before a redeploy of the
 * same WAR still posts after it, with no {@code ViewExpiredException} (a redeploy is the "restart" here: a new class
 * loader and a new Mojarra, while the managed server stays up). A value the cookie cannot hold, written after
 * {@code setAttribute}, gives STEADFAST-3005 in the log and no stack trace to the client.
 *
 * <p>WildFly only: the kit's {@code FacesIT} and {@code FacesRefusalIT} check the container-neutral part on every
 * container, and {@code FacesTomcatTest} Mojarra in the WAR on Tomcat. Reported as skipped on the other containers.
 */
@ContainerTest
@RunAsClient
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly")
class FacesWildFlyIT {

    private static final String ANCHOR = "wf-faces-anchor";
    private static final String DEFAULTS = "wf-faces-defaults";
    private static final String NO_KEY = "wf-faces-no-key";
    private static final String GOOD = "wf-faces-good";
    private static final String OTHER_KEY = "wf-faces-other-key";

    private static final String KEY = TestKeys.secret();
    private static final String FACES_KEY = facesKey();

    private static final String PAGE = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html">
            <h:head><title>guess</title></h:head>
            <h:body>
                <h:form id="f">
                    <h:inputText id="n" value="#{guess.number}"/>
                    <h:commandButton id="go" value="Guess" action="#{guess.submit}"/>
                    <h:commandButton id="remember" value="Remember" action="#{guess.remember}"/>
                </h:form>
                <p>tries=#{guess.tries}</p>
            </h:body>
            </html>
            """;
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static ServerLog log;

    @ArquillianResource
    private Deployer deployer;

    @BeforeAll
    static void serverLog() {
        log = ServerLog.current().orElseThrow(() -> new AssertionError(TckSettings.SERVER_LOG + " is not set"));
    }

    private static String facesKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * The guessing application: web.xml maps the FacesServlet (so WildFly adds its Faces), with the given context
     * parameter and Mojarra key entry when not null.
     */
    private static WebArchive guess(String name, String stateSaving, String mojarraKey) {
        StringBuilder webXml = new StringBuilder("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                """);
        if (stateSaving != null) {
            webXml.append("""
                    <context-param>
                        <param-name>jakarta.faces.STATE_SAVING_METHOD</param-name>
                        <param-value>%s</param-value>
                    </context-param>
                    """.formatted(stateSaving));
        }
        if (mojarraKey != null) {
            webXml.append("""
                    <env-entry>
                        <env-entry-name>faces/ClientSideSecretKey</env-entry-name>
                        <env-entry-type>java.lang.String</env-entry-type>
                        <env-entry-value>%s</env-entry-value>
                    </env-entry>
                    """.formatted(mojarraKey));
        }
        webXml.append("""
                    <servlet>
                        <servlet-name>Faces Servlet</servlet-name>
                        <servlet-class>jakarta.faces.webapp.FacesServlet</servlet-class>
                        <load-on-startup>1</load-on-startup>
                    </servlet>
                    <servlet-mapping>
                        <servlet-name>Faces Servlet</servlet-name>
                        <url-pattern>*.xhtml</url-pattern>
                    </servlet-mapping>
                </web-app>
                """);
        WebArchive war = Wars.named(name).classes(GuessBean.class).beansXml("annotated")
                .config(TestKeys.ring("k1", KEY)).build();
        war.setWebXML(new StringAsset(webXml.toString()));
        war.addAsWebResource(new StringAsset(PAGE), "guess.xhtml");
        return war;
    }

    @Deployment(name = ANCHOR, testable = false)
    static WebArchive anchor() {
        return Wars.named(ANCHOR).classes(PingServlet.class).config(TestKeys.ring("k1", TestKeys.secret())).build();
    }

    @Deployment(name = DEFAULTS, managed = false, testable = false)
    static WebArchive defaults() {
        return guess(DEFAULTS, null, null);
    }

    @Deployment(name = NO_KEY, managed = false, testable = false)
    static WebArchive noKey() {
        return guess(NO_KEY, "client", null);
    }

    @Deployment(name = GOOD, managed = false, testable = false)
    static WebArchive good() {
        return guess(GOOD, "client", FACES_KEY);
    }

    @Deployment(name = OTHER_KEY, managed = false, testable = false)
    static WebArchive otherKey() {
        return guess(OTHER_KEY, "client", facesKey());
    }

    @Test
    void defaultSettings_refusedNamingStateSavingAndTheFix() {
        String text = refused(DEFAULTS, "STEADFAST-2013");

        assertThat(text).contains("STEADFAST-2013: Jakarta Faces keeps view state in the session "
                        + "(jakarta.faces.STATE_SAVING_METHOD is not set, so server)")
                .contains("Fix: set the context parameter jakarta.faces.STATE_SAVING_METHOD to client in web.xml");
    }

    @Test
    void clientStateWithoutAKey_refusedNamingTheEntry() {
        String text = refused(NO_KEY, "STEADFAST-2014");

        assertThat(text).contains("STEADFAST-2014: java:comp/env/faces/ClientSideSecretKey (JNDI environment entry) "
                + "is not set").doesNotContain("STEADFAST-2013");
    }

    @Test
    void goodKey_formPostsAndKeepsWorkingAcrossARedeploy(@ArquillianResource @OperateOnDeployment(ANCHOR) URL anchor) {
        URL url = Wars.url(anchor, GOOD);
        ServerLog.Mark mark = log.mark();
        String cookie;
        String viewState;
        deployer.deploy(GOOD);
        try {
            Http.Response page = Http.get(url, "guess.xhtml");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("tries=0");

            Http.Response first = Http.post(url, "guess.xhtml", form(viewState(page), "go", "Guess"), null);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).contains("tries=1");
            cookie = SessionCookies.issued(first).orElseThrow();
            viewState = viewState(first);
        } finally {
            deployer.undeploy(GOOD);
        }
        deployer.deploy(GOOD);
        try {
            // The page of before the redeploy, posted with the session of then.
            Http.Response again = Http.post(url, "guess.xhtml", form(viewState, "go", "Guess"), cookie);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.body()).contains("tries=2");
            String next = SessionCookies.issued(again).orElseThrow();
            assertThat(Jws.parse(SessionCookies.value(next)).payload()).contains(GuessBean.TRIES)
                    .doesNotContain("com.sun.faces");
        } finally {
            deployer.undeploy(GOOD);
        }
        String text = log.since(mark);
        assertThat(text).contains("STEADFAST-2000").doesNotContain("ViewExpiredException")
                .doesNotContain("STEADFAST-2013").doesNotContain("STEADFAST-2014").doesNotContain(FACES_KEY);

        // The control: the same page posted to an application with another key cannot be restored. Without a key
        // of its own, Mojarra makes one per start, and every redeploy would end like this.
        deployer.deploy(OTHER_KEY);
        try {
            Http.Response expired = Http.post(Wars.url(anchor, OTHER_KEY), "guess.xhtml",
                    form(viewState, "go", "Guess"), null);
            assertThat(expired.status()).isEqualTo(500);
        } finally {
            deployer.undeploy(OTHER_KEY);
        }
        assertThat(log.since(mark)).contains("ViewExpiredException");
    }

    @Test
    void unstorableValueAfterSetAttribute_logsSteadfast3005AndShowsNoStackTrace(
            @ArquillianResource @OperateOnDeployment(ANCHOR) URL anchor) {
        URL url = Wars.url(anchor, GOOD);
        ServerLog.Mark mark = log.mark();
        deployer.deploy(GOOD);
        try {
            Http.Response page = Http.get(url, "guess.xhtml");
            Http.Response first = Http.post(url, "guess.xhtml", form(viewState(page), "go", "Guess"), null);
            String cookie = SessionCookies.issued(first).orElseThrow();

            Http.Response failed = Http.post(url, "guess.xhtml", form(viewState(first), "remember", "Remember"),
                    cookie);

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.setCookies()).noneMatch(h -> h.startsWith(SessionCookies.NAME + "="));
            assertThat(failed.body()).doesNotContain("Exception").doesNotContain("dev.steadfast")
                    .doesNotContain("\tat ").doesNotContain("guess-never-shown");
            // The previous cookie still holds the session as it was.
            Http.Response after = Http.get(url, "guess.xhtml", cookie);
            assertThat(after.body()).contains("tries=1");
        } finally {
            deployer.undeploy(GOOD);
        }
        String text = log.awaitSince(mark, "STEADFAST-3005");
        assertThat(text).contains("STEADFAST-3005").contains(GuessBean.HISTORY).contains("java.lang.Object[]")
                .doesNotContain("guess-never-shown");
    }

    private String refused(String name, String expected) {
        ServerLog.Mark mark = log.mark();
        try {
            assertThrows(Exception.class, () -> deployer.deploy(name), name + " must not deploy");
        } finally {
            deployer.undeploy(name);
        }
        return log.awaitSince(mark, expected);
    }

    private static String viewState(Http.Response page) {
        Matcher m = VIEW_STATE.matcher(page.body());
        assertThat(m.find()).as("a view state field in %s", page.body()).isTrue();
        return m.group(1);
    }

    private static String form(String viewState, String button, String label) {
        return "f=f&f%3An=7&f%3A" + button + "=" + label + "&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState, StandardCharsets.UTF_8);
    }
}
