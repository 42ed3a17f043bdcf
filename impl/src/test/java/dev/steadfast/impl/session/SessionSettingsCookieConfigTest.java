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

/** Which of the container's SessionCookieConfig values are the application's cookie settings (COOKIE-2). */
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

    private static CookieSettings resolve(SessionCookieConfig cookieConfig, Map<String, String> properties) {
        PropertyReader reader = new PropertyReader(PropertyLookup.of(properties, "test"));
        SessionSettings settings = SessionSettings.resolve(reader, Mode.DEVELOPMENT, "/app", "/app", 30, cookieConfig);
        assertThat(reader.findings()).isEmpty();
        return settings.cookie();
    }

    private static final class FakeCookieConfig implements SessionCookieConfig {
        private String path;
        private String domain;
        private final Map<String, String> attributes = new HashMap<>();

        FakeCookieConfig(String path, String domain) {
            this.path = path;
            this.domain = domain;
        }

        @Override
        public void setName(String name) {
        }

        @Override
        public String getName() {
            return null;
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
        }

        @Override
        public boolean isHttpOnly() {
            return true;
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
        }

        @Override
        public int getMaxAge() {
            return -1;
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
