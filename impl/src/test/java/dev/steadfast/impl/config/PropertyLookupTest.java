package dev.steadfast.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.Mode;
import dev.steadfast.policy.Finding;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PropertyLookupTest {

    @Test
    void of_readsEnvironmentVariablesThroughMicroProfileMapping() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of(
                        "STEADFAST_KEYS", "2026-11",
                        "STEADFAST_KEY_2026_11_SECRET", "env-secret-value"), 300))
                .build();
        PropertyLookup lookup = PropertyLookup.of(config);

        assertThat(lookup.get("steadfast.keys")).map(ConfigEntry::value).contains("2026-11");
        assertThat(lookup.get("steadfast.key.2026-11.secret")).get().satisfies(e -> {
            assertThat(e.value()).isEqualTo("env-secret-value");
            assertThat(e.source()).startsWith("from EnvConfigSource").endsWith("ordinal 300");
            assertThat(e.toString()).doesNotContain("env-secret-value");
        });
    }

    @Test
    void of_higherOrdinalWins_andEmptyIsUnset() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("steadfast.mode", "development", "x", ""),
                        "low", 100))
                .withSources(new PropertiesConfigSource(Map.of("steadfast.mode", "production"), "high", 400))
                .build();
        PropertyLookup lookup = PropertyLookup.of(config);

        assertThat(lookup.get("steadfast.mode")).map(ConfigEntry::source).contains("from PropertiesConfigSource[source=high], ordinal 400");
        assertThat(lookup.get("x")).isEmpty();
        assertThat(lookup.sourceOf("unset")).isEqualTo("not set");
    }

    @Test
    void modes_followPropertyThenProfile_andMisspellingIsProductionWithFinding() {
        assertThat(mode(Map.of())).isEqualTo(Mode.PRODUCTION);
        assertThat(mode(Map.of("mp.config.profile", "test,dev")))
                .isEqualTo(Mode.DEVELOPMENT);
        assertThat(mode(Map.of("steadfast.mode", "Development")))
                .isEqualTo(Mode.DEVELOPMENT);
        assertThat(findings).isEmpty();

        assertThat(mode(Map.of("steadfast.mode", "prod")))
                .isEqualTo(Mode.PRODUCTION);
        assertThat(findings).extracting(Finding::message).containsExactly(
                "STEADFAST-1011: steadfast.mode (t) is 'prod', which is neither production nor development. "
                        + "Fix: set production or development; until then Steadfast runs as production");
    }

    private final List<Finding> findings = new ArrayList<>();

    private Mode mode(Map<String, String> properties) {
        PropertyReader reader = new PropertyReader(PropertyLookup.of(properties, "t"));
        Mode mode = Modes.resolve(reader);
        findings.addAll(reader.findings());
        return mode;
    }
}
