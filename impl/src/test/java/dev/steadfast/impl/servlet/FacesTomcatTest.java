package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.support.LogCapture;
import dev.steadfast.testsupport.Secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.LifecycleState;
import org.jboss.weld.environment.servlet.EnhancedListener;
import org.junit.jupiter.api.Test;

import com.sun.faces.config.FacesInitializer;

/**
 * A Faces page (Mojarra 4.0 on Weld Servlet) behind Steadfast: the default settings and a missing client-state key
 * are refused in production, and with client state and a key of its own the page answers, and its form posts
 * survive a restart.
 */
class FacesTomcatTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html">
            <h:head><title>guess</title></h:head>
            <h:body>
                <h:form id="f">
                    <h:inputText id="n" value="#{requestScope.n}"/>
                    <h:commandButton id="go" value="Guess"/>
                </h:form>
                <p>page rendered</p>
            </h:body>
            </html>
            """;
    private static final String BEANS = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>
            """;
    // Without it (or a web.xml, which a programmatic context has not), Mojarra's listener takes the application
    // for one without Faces and skips configuring it.
    private static final String FACES_CONFIG = """
            <faces-config xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0"/>
            """;
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static String facesKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Secrets.register(Base64.getEncoder().encodeToString(key));
    }

    private static SteadfastTomcat.Builder facesApp() {
        return SteadfastTomcat.builder()
                .file("/index.xhtml", PAGE)
                .file("/WEB-INF/beans.xml", BEANS)
                .file("/WEB-INF/faces-config.xml", FACES_CONFIG)
                .file("/WEB-INF/classes/.keep", "")
                .initializer(new EnhancedListener())
                .initializer(new FacesInitializer())
                .servlet("Faces Servlet", "jakarta.faces.webapp.FacesServlet", "*.xhtml");
    }

    @Test
    void shouldRefuseNamingStateSaving_whenFacesHasItsDefaultSettingsInProduction() throws Exception {
        try (LogCapture log = LogCapture.steadfast(); SteadfastTomcat app = facesApp().build()) {
            app.start();

            assertThat(app.contextState()).isIn(LifecycleState.FAILED, LifecycleState.STOPPED);
            assertThat(log.text()).contains("Deployment of /app refused")
                    .contains("STEADFAST-2013: Jakarta Faces keeps view state in the session "
                            + "(jakarta.faces.STATE_SAVING_METHOD is not set, so server)");
        }
    }

    @Test
    void shouldRefuseNamingTheEntry_whenClientStateHasNoKeyInProduction() throws Exception {
        try (LogCapture log = LogCapture.steadfast(); SteadfastTomcat app = facesApp()
                .contextParameter("jakarta.faces.STATE_SAVING_METHOD", "client").build()) {
            app.start();

            assertThat(app.contextState()).isIn(LifecycleState.FAILED, LifecycleState.STOPPED);
            assertThat(log.text()).contains("STEADFAST-2014: java:comp/env/faces/ClientSideSecretKey (JNDI "
                    + "environment entry) is not set").doesNotContain("STEADFAST-2013");
        }
    }

    @Test
    void shouldServeThePageAndAcceptItsFormAfterARestart_whenClientStateHasAGoodKey() throws Exception {
        String key = facesKey();
        SteadfastTomcat.Builder builder = facesApp()
                .contextParameter("jakarta.faces.STATE_SAVING_METHOD", "client")
                .environment("faces/ClientSideSecretKey", key);
        String viewState;
        try (LogCapture log = LogCapture.steadfast(); SteadfastTomcat app = builder.build()) {
            app.start();
            assertThat(app.contextState()).isEqualTo(LifecycleState.STARTED);

            SteadfastTomcat.Reply page = app.get("/index.xhtml");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("page rendered");
            Matcher m = VIEW_STATE.matcher(page.body());
            assertThat(m.find()).as("a view state field in %s", page.body()).isTrue();
            viewState = m.group(1);
            assertThat(log.text()).doesNotContain(key).doesNotContain("STEADFAST-2013", "STEADFAST-2014")
                    .doesNotContain("STEADFAST-2008");
        }
        // Another start of the same application (same keys): the page's form, posted now, still restores.
        try (SteadfastTomcat again = builder.build()) {
            again.start();
            SteadfastTomcat.Reply posted = again.post("/index.xhtml", form(viewState));
            assertThat(posted.status()).isEqualTo(200);
            assertThat(posted.body()).contains("page rendered").doesNotContain("ViewExpiredException");
        }
        // The control: a start with another key cannot read that state, which is what a key per start does.
        try (SteadfastTomcat other = facesApp().contextParameter("jakarta.faces.STATE_SAVING_METHOD", "client")
                .environment("faces/ClientSideSecretKey", facesKey()).build()) {
            other.start();
            assertThat(other.post("/index.xhtml", form(viewState)).status()).isEqualTo(500);
        }
    }

    @Test
    void shouldServeThePageAndItsFormAfterARestart_whenTheRequestCarriesASteadfastSession() throws Exception {
        // Mojarra puts its client-state key into an existing session on every page; that must neither fail the
        // page nor reach the cookie.
        SteadfastTomcat.Builder builder = facesApp()
                .contextParameter("jakarta.faces.STATE_SAVING_METHOD", "client")
                // Mojarra takes every application for a distributable one when a web-fragment.xml its class loader
                // sees says <distributable/> (tomcat-embed-jasper's here, lib/jasper.jar's on a real Tomcat), and then
                // keeps a flash helper in the session, which a cookie cannot hold (docs/migration.md).
                .contextParameter("com.sun.faces.enableDistributable", "false")
                .environment("faces/ClientSideSecretKey", facesKey())
                .servlet("/login", (request, response) -> request.getSession().setAttribute("user", "ann"));
        String cookie;
        String viewState;
        try (SteadfastTomcat app = builder.build()) {
            app.start();
            cookie = SteadfastTomcat.COOKIE + "=" + app.get("/login").sessionValue();

            SteadfastTomcat.Reply page = app.get("/index.xhtml", cookie);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("page rendered");
            if (page.sessionSetCookie().isPresent()) {
                String payload = page.sessionValue().split("\\.")[1];
                assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                        .doesNotContain("com.sun.faces");
            }
            Matcher m = VIEW_STATE.matcher(page.body());
            assertThat(m.find()).isTrue();
            viewState = m.group(1);
        }
        try (SteadfastTomcat again = builder.build()) {
            again.start();
            SteadfastTomcat.Reply posted = again.post("/index.xhtml", form(viewState), cookie);
            assertThat(posted.status()).isEqualTo(200);
            assertThat(posted.body()).contains("page rendered").doesNotContain("ViewExpiredException");
        }
    }

    private static String form(String viewState) {
        return "f=f&f%3An=7&f%3Ago=Guess&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState, StandardCharsets.UTF_8);
    }
}
