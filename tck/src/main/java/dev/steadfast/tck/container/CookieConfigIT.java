package dev.steadfast.tck.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.app.CookieConfigInitializer;
import dev.steadfast.tck.app.CountServlet;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.SessionCookies;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import jakarta.servlet.ServletContainerInitializer;

import java.net.URL;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The application's own session cookie configuration ({@code <cookie-config>} in web.xml, {@code SessionCookieConfig}
 * set by an initializer) applies where no Steadfast property is set, and Steadfast's properties win over it.
 */
@SteadfastContainerTest
@RunAsClient
class CookieConfigIT {

    private static final String KEY = TestKeys.secret();

    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <session-config>
                <cookie-config>
                  <name>webxmlcookie</name>
                  <http-only>false</http-only>
                  <max-age>600</max-age>
                </cookie-config>
              </session-config>
            </web-app>
            """;

    private static Map<String, String> config(String... settings) {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring("k1", KEY));
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        return config;
    }

    @Deployment(name = "cookie-webxml", testable = false)
    static WebArchive webXml() {
        return Wars.named("cookie-webxml").classes(CountServlet.class).config(config()).build()
                .setWebXML(new StringAsset(WEB_XML));
    }

    @Deployment(name = "cookie-initializer", testable = false)
    static WebArchive initializer() {
        return Wars.named("cookie-initializer").classes(CountServlet.class)
                .service(ServletContainerInitializer.class, CookieConfigInitializer.class).config(config()).build();
    }

    @Deployment(name = "cookie-overridden", testable = false)
    static WebArchive overridden() {
        return Wars.named("cookie-overridden").classes(CountServlet.class)
                .config(config("steadfast.session.cookie.name", "propcookie",
                        "steadfast.session.cookie.http-only", "true"))
                .build().setWebXML(new StringAsset(WEB_XML));
    }

    @Test
    @Clause("COOKIE-9")
    void webXmlCookieConfigSetsNameHttpOnlyAndMaxAgeWithExpires(
            @ArquillianResource @OperateOnDeployment("cookie-webxml") URL url) {
        Http.Response r = Http.get(url, "count");

        String header = SessionCookies.header(r, "webxmlcookie").orElseThrow();
        assertThat(header).doesNotContainIgnoringCase("HttpOnly").contains("; Max-Age=600");
        assertExpiresAbout(header, 600);
        String cookie = SessionCookies.issued(r, "webxmlcookie").orElseThrow();
        assertThat(Http.get(url, "count", cookie).body()).isEqualTo("count=2");
    }

    @Test
    @Clause("COOKIE-9")
    void sessionCookieConfigSetByAnInitializerApplies(
            @ArquillianResource @OperateOnDeployment("cookie-initializer") URL url) {
        Http.Response r = Http.get(url, "count");

        String header = SessionCookies.header(r, "initcookie").orElseThrow();
        assertThat(header).doesNotContainIgnoringCase("HttpOnly").contains("; Max-Age=600");
        assertExpiresAbout(header, 600);
    }

    @Test
    @Clause("COOKIE-9")
    void steadfastPropertiesWinOverTheApplicationsCookieConfig(
            @ArquillianResource @OperateOnDeployment("cookie-overridden") URL url) {
        Http.Response r = Http.get(url, "count");

        assertThat(SessionCookies.header(r, "webxmlcookie")).isEmpty();
        String header = SessionCookies.header(r, "propcookie").orElseThrow();
        assertThat(header).contains("; HttpOnly").contains("; Max-Age=600");
    }

    private static void assertExpiresAbout(String header, int seconds) {
        Matcher m = Pattern.compile("; Expires=([^;]+)").matcher(header);
        assertThat(m.find()).as("Expires in %s", header).isTrue();
        ZonedDateTime expires = ZonedDateTime.parse(m.group(1), DateTimeFormatter.RFC_1123_DATE_TIME);
        long delta = expires.toEpochSecond() - System.currentTimeMillis() / 1000;
        assertThat(delta).as("Expires %s is about %d s from now", m.group(1), seconds).isBetween(seconds - 120L,
                seconds + 120L);
    }
}
