package dev.steadfast.tck.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.codec.CodecOptions;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import dev.steadfast.spi.SteadfastProvider;
import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastSpiTest;
import dev.steadfast.tck.support.Jws;
import dev.steadfast.tck.support.TestKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading and judging Steadfast's configuration through {@code SteadfastProvider.validate} and {@code keyRing}, with
 * a plain MicroProfile {@code Config} ({@link MapConfig}) so no MicroProfile Config implementation is needed.
 */
@SteadfastSpiTest
class ConfigurationConformanceTest {

    private static final String SOURCE = "from " + MapConfig.SOURCE_NAME + ", ordinal " + MapConfig.SOURCE_ORDINAL;

    private final String k1 = TestKeys.secret();
    private final String k2 = TestKeys.secret();

    private static SteadfastProvider provider() {
        return ProviderUnderTest.get();
    }

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Finding> validate(Map<String, String> config) {
        List<Finding> findings = provider().validate(MapConfig.of(config));
        config.forEach((name, value) -> {
            if (name.endsWith(".secret") && value.length() > 3) {
                assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains(value));
            }
        });
        return findings;
    }

    private static List<Rule> rules(Map<String, String> config) {
        return validate(config).stream().map(Finding::rule).toList();
    }

    @Test
    @Clause("CONFIG-1")
    @Clause("KEYS-1")
    void goodConfiguration_hasNoFindingsAndFirstKeySigns() {
        Map<String, String> config = TestKeys.ring("k2", k2, "k1", k1);

        KeyRing ring = provider().keyRing(MapConfig.of(config));

        assertThat(validate(config)).isEmpty();
        assertThat(ring.keys()).extracting(k -> k.id()).containsExactly("k2", "k1");
        assertThat(ring.primary().id()).isEqualTo("k2");
        assertThat(ring.primary().algorithm()).isEqualTo(Algorithm.HS256);
    }

    @Test
    @Clause("KEYS-4")
    @Clause("MSG-1")
    @Clause("MSG-3")
    void noKeys_isRefused() {
        List<Finding> findings = validate(Map.of());

        assertThat(findings).extracting(Finding::rule).contains(Rule.NO_KEYS);
        assertThat(findings).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("STEADFAST-1001: steadfast.keys (not set) "));
    }

    @Test
    @Clause("KEYS-2")
    @Clause("KEYS-3")
    @Clause("KEYS-4")
    void badKeyListsAreRefused() {
        assertThat(rules(Map.of("steadfast.keys", "K1", "steadfast.key.K1.secret", k1)))
                .contains(Rule.INVALID_KEY_ID);
        assertThat(rules(Map.of("steadfast.keys", "k1,k1", "steadfast.key.k1.secret", k1)))
                .contains(Rule.DUPLICATE_KEY_ID);
        List<Finding> missing = validate(Map.of("steadfast.keys", "k1"));
        assertThat(missing).extracting(Finding::rule).contains(Rule.MISSING_SECRET);
        assertThat(missing).extracting(Finding::property).contains("steadfast.key.k1.secret");
    }

    @Test
    @Clause("KEYS-5")
    @Clause("KEYS-7")
    void secretFile_isReadTrimmedAndExclusiveWithSecret(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("k1.secret");
        Files.writeString(file, "  " + k1 + "\n");
        Map<String, String> config = Map.of("steadfast.keys", "k1", "steadfast.key.k1.secret-file", file.toString());

        KeyRing ring = provider().keyRing(MapConfig.of(config));
        String token = provider().sessionCodec(ring, CodecOptions.builder("/f").build())
                .encode(dev.steadfast.codec.SessionData.builder().id("s").creationTime(Instant.now()).build());

        assertThat(validate(config)).isEmpty();
        assertThat(Jws.parse(token).signature())
                .isEqualTo(Jws.hmac("HmacSHA256", k1, Jws.parse(token).signingInput()));
        assertThat(rules(with(config, "steadfast.key.k1.secret", k2))).contains(Rule.SECRET_AND_FILE);
        assertThat(rules(Map.of("steadfast.keys", "k1", "steadfast.key.k1.secret-file",
                dir.resolve("absent").toString()))).contains(Rule.UNREADABLE_SECRET_FILE);
    }

    @Test
    @Clause("KEYS-5")
    @Clause("KEYS-7")
    void secretProperty_isStrippedLikeASecretFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("k1.secret"), k1 + "\n");
        Map<String, String> fromFile = Map.of("steadfast.keys", "k1", "steadfast.key.k1.secret-file", file.toString());
        Map<String, String> fromProperty = Map.of("steadfast.keys", "k1", "steadfast.key.k1.secret", k1 + "\n");

        assertThat(validate(fromProperty)).isEmpty();
        assertThat(provider().keyRing(MapConfig.of(fromProperty)).primary().secret())
                .isEqualTo(provider().keyRing(MapConfig.of(fromFile)).primary().secret());
    }

    @Test
    @Clause("MSG-2")
    void secretInANonSecretProperty_isNeverShown() {
        String pasted = TestKeys.secret() + "-" + TestKeys.secret(16);
        for (String property : List.of("steadfast.keys", "steadfast.key.k1.secret-file", "steadfast.key.k1.algorithm",
                "steadfast.key.k1.created-at", "steadfast.key.k1.retire-at", "steadfast.key.rotation-period",
                "steadfast.mode", "steadfast.validate", "steadfast.session.absolute-timeout")) {
            Map<String, String> config = with(TestKeys.ring("k1", k1), property, pasted);
            if (property.endsWith(".secret-file")) {
                config.remove("steadfast.key.k1.secret");
            }

            List<Finding> findings = validate(config);

            assertThat(findings).as(property).isNotEmpty();
            assertThat(findings).extracting(Finding::message).as(property)
                    .noneMatch(m -> m.contains(pasted) || m.contains(pasted.substring(0, 12))
                            || m.contains(pasted.substring(pasted.length() - 12)));
        }
    }

    @Test
    @Clause("KEYS-6")
    void algorithm_defaultsToHs256AndIsConfigurablePerKey() {
        String strong512 = TestKeys.secret(64) + TestKeys.secret(32);
        Map<String, String> config = with(TestKeys.ring("k1", strong512), "steadfast.key.k1.algorithm", "HS512");

        assertThat(validate(config)).isEmpty();
        assertThat(provider().keyRing(MapConfig.of(config)).primary().algorithm()).isEqualTo(Algorithm.HS512);
        assertThat(rules(with(TestKeys.ring("k1", k1), "steadfast.key.k1.algorithm", "RS256")))
                .contains(Rule.INVALID_ALGORITHM);
        // A 256-bit secret is too weak for HS512's 512-bit MAC.
        assertThat(rules(with(TestKeys.ring("k1", k1), "steadfast.key.k1.algorithm", "HS512")))
                .contains(Rule.TOO_WEAK);
    }

    @Test
    @Clause("KEYS-8")
    void signingKeyRetiredOrRetiringTooSoon_isRefused() {
        Instant now = Instant.now();

        assertThat(rules(with(TestKeys.ring("k1", k1), "steadfast.key.k1.retire-at",
                now.minusSeconds(3600).toString()))).contains(Rule.SIGNING_KEY_RETIRED);
        assertThat(rules(with(TestKeys.ring("k1", k1), "steadfast.key.k1.retire-at",
                now.plusSeconds(3600).toString()))).contains(Rule.RETIRES_TOO_SOON);
        assertThat(rules(with(TestKeys.ring("k1", k1, "k2", k2), "steadfast.key.k2.retire-at",
                now.plusSeconds(3600).toString()))).isEmpty();
        assertThat(rules(with(TestKeys.ring("k1", k1), "steadfast.key.k1.created-at", "yesterday")))
                .contains(Rule.INVALID_VALUE);
    }

    @Test
    @Clause("CONFIG-2")
    @Clause("MSG-3")
    void durations_acceptUnitsAndIso8601() {
        for (String d : List.of("30s", "30m", "12h", "7d", "PT30M")) {
            assertThat(rules(with(TestKeys.ring("k1", k1), "steadfast.session.absolute-timeout", d))).as(d)
                    .doesNotContain(Rule.INVALID_VALUE);
        }
        List<Finding> bad = validate(with(TestKeys.ring("k1", k1), "steadfast.session.absolute-timeout", "12 hours"));
        assertThat(bad).extracting(Finding::rule).contains(Rule.INVALID_VALUE);
        assertThat(bad).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("STEADFAST-1008: steadfast.session.absolute-timeout (" + SOURCE + ")"));
    }

    @Test
    @Clause("CONFIG-3")
    void mode_mustBeProductionOrDevelopment() {
        assertThat(rules(with(TestKeys.ring("k1", k1), "steadfast.mode", "prod"))).contains(Rule.INVALID_MODE);
        assertThat(rules(with(TestKeys.ring("k1", k1), "steadfast.mode", "Production"))).isEmpty();
    }

    @Test
    @Clause("POLICY-11")
    @Clause("POLICY-8")
    void validateList_judgesApplicationSecretsLikeKeys() {
        Map<String, String> config = with(TestKeys.ring("k1", k1), "steadfast.validate", "jwt.secret,api.token",
                "jwt.secret", k1);

        List<Finding> findings = validate(config);

        assertThat(findings).extracting(Finding::rule).containsExactlyInAnyOrder(Rule.REUSED, Rule.MISSING_VALUE);
        assertThat(findings).extracting(Finding::property).containsExactlyInAnyOrder("jwt.secret", "api.token");
    }

    @Test
    @Clause("KEYS-9")
    @Clause("POLICY-1")
    void keyRing_throwsWithEveryFindingAtOnce() {
        Map<String, String> config = Map.of("steadfast.keys", "k1,k2", "steadfast.key.k1.secret", "changeme");

        SteadfastConfigurationException e = catchThrowableOfType(
                () -> provider().keyRing(MapConfig.of(config)), SteadfastConfigurationException.class);

        assertThat(e).as("keyRing must refuse").isNotNull();
        assertThat(e.findings()).extracting(Finding::rule).contains(Rule.PLACEHOLDER, Rule.MISSING_SECRET);
        assertThat(e.getMessage()).contains("steadfast.key.k1.secret", "steadfast.key.k2.secret")
                .doesNotContain("changeme");
    }
}
