package dev.steadfast.impl.policy;

import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.steadfast.impl.policy.PolicyFixtures.POLICY;
import static dev.steadfast.impl.policy.PolicyFixtures.PRODUCTION;
import static dev.steadfast.impl.policy.PolicyFixtures.missing;
import static org.assertj.core.api.Assertions.assertThat;

class MissingValueRuleTest {

    @Test
    void shouldRefuse_whenValueMissing() {
        List<Finding> findings = POLICY.evaluate(List.of(missing("jwt.secret")), PRODUCTION);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.MISSING_VALUE);
            assertThat(f.message()).isEqualTo("STEADFAST-1108: jwt.secret (not set) has no value. Fix: set it to a"
                    + " random value of at least 256 bits, e.g. the output of `openssl rand -hex 32` or"
                    + " `java -jar steadfast-impl-cli.jar keygen`");
        });
    }
}
