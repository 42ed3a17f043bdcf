package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.Mode;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.config.PropertyReader;
import dev.steadfast.policy.Finding;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code steadfast.session.format}: jws by default, jwe on request, anything else a finding and the default. */
class SessionSettingsFormatTest {

    private static PropertyReader reader(Map<String, String> properties) {
        return new PropertyReader(PropertyLookup.of(properties, "test"));
    }

    @Test
    void unset_isJws() {
        PropertyReader config = reader(Map.of());
        SessionSettings settings = SessionSettings.resolve(config, Mode.PRODUCTION, "/app", "/app", 30, null);

        assertThat(settings.format()).isEqualTo("jws");
        assertThat(settings.codecOptions().format()).isEqualTo("jws");
        assertThat(config.findings()).isEmpty();
    }

    @Test
    void jweInAnyCase_isJwe() {
        PropertyReader config = reader(Map.of("steadfast.session.format", " JWE "));
        SessionSettings settings = SessionSettings.resolve(config, Mode.PRODUCTION, "/app", "/app", 30, null);

        assertThat(settings.codecOptions().format()).isEqualTo("jwe");
        assertThat(config.findings()).isEmpty();
    }

    @Test
    void anythingElse_isAFindingNamingTheChoices_andTheDefaultStays() {
        PropertyReader config = reader(Map.of("steadfast.session.format", "aes"));
        SessionSettings settings = SessionSettings.resolve(config, Mode.PRODUCTION, "/app", "/app", 30, null);

        assertThat(settings.format()).isEqualTo("jws");
        assertThat(config.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1008: steadfast.session.format (test) is 'aes', which is not jws or jwe. Fix: set jws "
                        + "(signed, the default) or jwe (encrypted); both are read, so switching logs nobody out");
    }
}
