package dev.steadfast.impl.policy;

import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.steadfast.impl.policy.PolicyFixtures.POLICY;
import static dev.steadfast.impl.policy.PolicyFixtures.PRODUCTION;
import static dev.steadfast.impl.policy.PolicyFixtures.candidate;
import static dev.steadfast.impl.policy.PolicyFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class ReuseRuleTest {

    @Test
    void shouldRefuse_whenSameValueUnderTwoProperties() {
        String value = hex(32);

        List<Finding> findings = POLICY.evaluate(
                List.of(candidate("jwt.secret", value, 256), candidate("steadfast.key.k1.secret", value, 256)),
                PRODUCTION);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.REUSED);
            assertThat(f.property()).isEqualTo("steadfast.key.k1.secret");
            assertThat(f.message()).isEqualTo("STEADFAST-1107: steadfast.key.k1.secret (EnvConfigSource, ordinal"
                    + " 300) holds the same value as jwt.secret; every secret must serve one purpose. Fix: give"
                    + " steadfast.key.k1.secret its own random value of at least 256 bits, e.g. the output of"
                    + " `openssl rand -hex 32` or `java -jar steadfast-impl-cli.jar keygen`");
        });
    }

    @Test
    void shouldNameFirstHolder_whenValueUsedThreeTimes() {
        String value = hex(32);

        List<Finding> findings = POLICY.evaluate(
                List.of(candidate("a", value, 256), candidate("b", value, 256), candidate("c", value, 256)),
                PRODUCTION);

        assertThat(findings).extracting(Finding::property).containsExactly("b", "c");
        assertThat(findings).allSatisfy(f -> assertThat(f.problem()).startsWith("holds the same value as a;"));
    }

    @Test
    void shouldAccept_whenValuesDiffer() {
        assertThat(POLICY.evaluate(List.of(candidate("a", hex(32), 256), candidate("b", hex(32), 256)), PRODUCTION))
                .isEmpty();
    }

    @Test
    void shouldReportBoth_whenPlaceholderIsReused() {
        List<Finding> findings = POLICY.evaluate(
                List.of(candidate("a", "changeme", 256), candidate("b", "changeme", 256)), PRODUCTION);

        assertThat(findings).extracting(Finding::property, Finding::rule).containsExactly(
                tuple("a", Rule.PLACEHOLDER),
                tuple("b", Rule.PLACEHOLDER),
                tuple("b", Rule.REUSED));
    }
}
