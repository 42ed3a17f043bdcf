package dev.steadfast.impl.policy;

import dev.steadfast.impl.keys.DevelopmentKey;
import dev.steadfast.policy.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.steadfast.impl.policy.PolicyFixtures.DEVELOPMENT;
import static dev.steadfast.impl.policy.PolicyFixtures.POLICY;
import static dev.steadfast.impl.policy.PolicyFixtures.PRODUCTION;
import static dev.steadfast.impl.policy.PolicyFixtures.candidate;
import static dev.steadfast.impl.policy.PolicyFixtures.tokenUrlsafe;
import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentKeyRuleTest {

    @Test
    void shouldRefuse_whenDevelopmentKeyInProduction() {
        String value = DevelopmentKey.PREFIX + tokenUrlsafe(32);

        assertThat(POLICY.evaluate(List.of(candidate(value)), PRODUCTION)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.DEVELOPMENT_KEY);
            assertThat(f.message()).isEqualTo("STEADFAST-1106: jwt.secret (EnvConfigSource, ordinal 300) is a"
                    + " development key (it starts with sfdev-), which production refuses. Fix: generate a"
                    + " production key with `java -jar steadfast-impl-cli.jar keygen` or `openssl rand -hex 32` and"
                    + " configure it in place of the development key");
        });
    }

    @Test
    void shouldAccept_whenDevelopmentKeyInDevelopment() {
        String value = DevelopmentKey.PREFIX + tokenUrlsafe(32);

        assertThat(POLICY.evaluate(List.of(candidate(value)), DEVELOPMENT)).isEmpty();
    }

    @Test
    void shouldNotCreditPrefix_whenJudgingDevelopmentKeyStrength() {
        // 40 base64url characters are 240 bits; the six public prefix characters add nothing.
        String value = DevelopmentKey.PREFIX + tokenUrlsafe(30);

        assertThat(POLICY.evaluate(List.of(candidate(value)), DEVELOPMENT)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.TOO_WEAK);
            assertThat(f.problem()).isEqualTo("is too weak: about 240 bits of estimated strength, 256 required");
        });
    }

    @Test
    void shouldUseSfdevPrefix_whenMarkingDevelopmentKeys() {
        assertThat(DevelopmentKey.PREFIX).isEqualTo("sfdev-");
    }
}
