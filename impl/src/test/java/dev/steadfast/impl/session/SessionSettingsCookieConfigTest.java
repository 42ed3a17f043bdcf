package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.SessionCookieConfig;

import org.junit.jupiter.api.Test;

import dev.steadfast.Mode;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.config.PropertyReader;
import dev.steadfast.policy.Finding;

/** Which of the container's SessionCookieConfig values are the application's cookie settings (COOKIE-2, COOKIE-9). */
class SessionSettingsCookieConfigTest {

    @Test
    void nothingSet_pathIsContextPathWithoutDomain() {
        CookieSettings cookie = resolve(new FakeCookieConfig(null, null), Map.of());

        assertThat(cookie.path()).isEqualTo("/app");
        assertThat(cookie.domain()).isNull();
    }

    @Test
    void libertyServerDefaults_areNotTakenForApplicationSettings() {
        // What Open Liberty 26 reports when the application configured no cookie: its <httpSession> defaults.
        CookieSettings cookie = resolve(new FakeCookieConfig("/", ""), Map.of());

        assertThat(cookie.path()).isEqualTo("/app");
        assertThat(cookie.domain()).isNull();
    }

    @Test
    void applicationCookieConfig_isHonoured() {
        CookieSettings cookie = resolve(new FakeCookieConfig("/shop", "example.org"), Map.of());

        assertThat(cookie.path()).isEqualTo("/shop");
        assertThat(cookie.domain()).isEqualTo("example.org");
    }

    @Test
    void rootPathWithRealDomainOrNullDomain_isHonoured() {
        assertThat(resolve(new FakeCookieConfig("/", null), Map.of()).path()).isEqualTo("/");
        assertThat(resolve(new FakeCookieConfig("/", "example.org"), Map.of()).path()).isEqualTo("/");
    }

    @Test
    void steadfastProperties_winOverLibertyDefaults() {
        CookieSettings cookie = resolve(new FakeCookieConfig("/", ""),
                Map.of("steadfast.session.cookie.path", "/", "steadfast.session.cookie.domain", "example.org"));

        assertThat(cookie.path()).isEqualTo("/");
        assertThat(cookie.domain()).isEqualTo("example.org");
    }

    @Test
    void applicationCookieName_isUsed_unlessAPropertyNamesOne() {
        FakeCookieConfig config = new FakeCookieConfig(null, null);
        config.setName("shop_session");

        assertThat(resolve(config, Map.of()).name()).isEqualTo("shop_session");
        assertThat(resolve(config, Map.of("steadfast.session.cookie.name", "mine")).name()).isEqualTo("mine");
    }

    @Test
    void containerDefaultName_doesNotReplaceSteadfastsDefault() {
        // Undertow and Payara report JSESSIONID when the application set no name; Tomcat reports null.
        FakeCookieConfig undertow = new FakeCookieConfig(null, null);
        undertow.setName("JSESSIONID");
        Map<String, String> secureAtRoot = Map.of("steadfast.session.cookie.secure", "true",
                "steadfast.session.cookie.path", "/");

        assertThat(resolve(undertow, secureAtRoot).name()).isEqualTo("__Host-steadfast");
        assertThat(resolve(new FakeCookieConfig(null, null), secureAtRoot).name()).isEqualTo("__Host-steadfast");
        assertThat(resolve(undertow, Map.of()).name()).isEqualTo("steadfast");
    }

    @Test
    void httpOnly_staysOnWhenTheContainerReportsFalseForNothingSet() {
        FakeCookieConfig tomcatUnset = new FakeCookieConfig(null, null);
        assertThat(tomcatUnset.isHttpOnly()).isFalse();

        assertThat(resolve(tomcatUnset, Map.of()).httpOnly()).isTrue();
    }

    @Test
    void httpOnlyFalse_fromTheApplication_isHonoured_andThePropertyWins() {
        FakeCookieConfig off = new FakeCookieConfig(null, null);
        off.setHttpOnly(false);
        FakeCookieConfig on = new FakeCookieConfig(null, null);
        on.setHttpOnly(true);

        assertThat(resolve(off, Map.of()).httpOnly()).isFalse();
        assertThat(resolve(on, Map.of()).httpOnly()).isTrue();
        assertThat(resolve(off, Map.of("steadfast.session.cookie.http-only", "true")).httpOnly()).isTrue();
    }

    @Test
    void maxAge_isWrittenWithExpires() {
        FakeCookieConfig config = new FakeCookieConfig(null, null);
        config.setMaxAge(3600);
        CookieSettings cookie = resolve(config, Map.of());
        java.time.Instant now = java.time.Instant.parse("2026-03-01T10:00:00Z");

        assertThat(cookie.setCookie("v", now)).contains("; Max-Age=3600")
                .endsWith("; Expires=Sun, 01 Mar 2026 11:00:00 GMT");
        assertThat(resolve(new FakeCookieConfig(null, null), Map.of()).setCookie("v", now))
                .doesNotContain("Max-Age").doesNotContain("Expires");
        assertThat(cookie.expireCookie()).contains("Max-Age=0").contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT")
                .doesNotContain("2026");
    }

    private static CookieSettings resolve(SessionCookieConfig cookieConfig, Map<String, String> properties) {
        PropertyReader reader = new PropertyReader(PropertyLookup.of(properties, "test"));
        SessionSettings settings = SessionSettings.resolve(reader, Mode.DEVELOPMENT, "/app", "/app", 30, cookieConfig);
        assertThat(reader.findings()).isEmpty();
        return settings.cookie();
    }

    private static final class FakeCookieConfig implements SessionCookieConfig {
        private String path;
        private String domain;
        private String name;
        private int maxAge = -1;
        private final Map<String, String> attributes = new HashMap<>();

        FakeCookieConfig(String path, String domain) {
            this.path = path;
            this.domain = domain;
        }

        @Override
        public void setName(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public void setDomain(String domain) {
            this.domain = domain;
        }

        @Override
        public String getDomain() {
            return domain;
        }

        @Override
        public void setPath(String path) {
            this.path = path;
        }

        @Override
        public String getPath() {
            return path;
        }

        @Override
        @SuppressWarnings("deprecation")
        public void setComment(String comment) {
        }

        @Override
        @SuppressWarnings("deprecation")
        public String getComment() {
            return null;
        }

        @Override
        public void setHttpOnly(boolean httpOnly) {
            // As Tomcat, Undertow and Payara do: the setter is recorded as the attribute.
            attributes.put("HttpOnly", String.valueOf(httpOnly));
        }

        @Override
        public boolean isHttpOnly() {
            // Tomcat's answer when nothing was set.
            return Boolean.parseBoolean(attributes.get("HttpOnly"));
        }

        @Override
        public void setSecure(boolean secure) {
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public void setMaxAge(int maxAge) {
            this.maxAge = maxAge;
        }

        @Override
        public int getMaxAge() {
            return maxAge;
        }

        @Override
        public void setAttribute(String name, String value) {
            attributes.put(name, value);
        }

        @Override
        public String getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Map<String, String> getAttributes() {
            return Map.copyOf(attributes);
        }
    }
}
