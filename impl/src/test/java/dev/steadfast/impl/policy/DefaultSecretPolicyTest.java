package dev.steadfast.impl.policy;

import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static dev.steadfast.impl.policy.PolicyFixtures.HOST;
import static dev.steadfast.impl.policy.PolicyFixtures.POLICY;
import static dev.steadfast.impl.policy.PolicyFixtures.PRODUCTION;
import static dev.steadfast.impl.policy.PolicyFixtures.candidate;
import static dev.steadfast.impl.policy.PolicyFixtures.digest;
import static dev.steadfast.impl.policy.PolicyFixtures.hex;
import static dev.steadfast.impl.policy.PolicyFixtures.missing;
import static dev.steadfast.impl.policy.PolicyFixtures.tokenUrlsafe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultSecretPolicyTest {

    @Test
    void shouldReturnAllFindingsAtOnce_inCandidateOrder() {
        String shared = tokenUrlsafe(32);
        List<SecretCandidate> candidates = List.of(
                missing("a"),
                candidate("b", "your-api-key-here", 256),
                candidate("c", hex(16), 256),
                candidate("d", shared, 256),
                candidate("e", hex(32), 256),
                candidate("f", shared, 256),
                candidate("g", "kPH+bIxk5D2deZiIxcaaaA==", 128));

        List<Finding> findings = POLICY.evaluate(candidates, PRODUCTION);

        assertThat(findings).extracting(Finding::property, Finding::rule).containsExactly(
                tuple("a", Rule.MISSING_VALUE),
                tuple("b", Rule.PLACEHOLDER),
                tuple("c", Rule.TOO_WEAK),
                tuple("f", Rule.REUSED),
                tuple("g", Rule.PUBLICLY_KNOWN));
    }

    @Test
    void shouldReportOnlyMostSpecificValueFinding_whenSeveralRulesApply() {
        // A Shiro key is also too weak for 256 bits; the known-secret finding is the one that explains it.
        assertThat(POLICY.evaluate(List.of(candidate("kPH+bIxk5D2deZiIxcaaaA==")), PRODUCTION))
                .extracting(Finding::rule).containsExactly(Rule.PUBLICLY_KNOWN);
    }

    @Test
    void shouldReturnNoFindings_whenNoCandidates() {
        assertThat(POLICY.evaluate(List.of(), PRODUCTION)).isEmpty();
    }

    @Test
    void shouldNotRevealValue_inAnyFindingText() {
        List<String> values = List.of(
                "sfdev-" + tokenUrlsafe(32),                                  // development key
                "your-unique-zebra-4711-here",                                // placeholder
                "${UNIQUE_ZEBRA_4711}",                                       // template
                "shhhhhared-secret",                                          // publicly known
                HOST,                                                         // a public input
                HexFormat.of().formatHex(digest("SHA-256", HOST)),            // derived
                "Zebra4711Zebra",                                             // too weak
                "q".repeat(70),                                               // low diversity
                tokenUrlsafe(32));                                            // fine, reused below
        List<SecretCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            candidates.add(candidate("secret." + i, values.get(i), 256));
        }
        candidates.add(candidate("secret.reused", values.get(values.size() - 1), 256));

        List<Finding> findings = POLICY.evaluate(candidates, PRODUCTION);

        assertThat(findings).extracting(Finding::rule).containsExactlyInAnyOrder(Rule.DEVELOPMENT_KEY,
                Rule.PLACEHOLDER, Rule.PLACEHOLDER, Rule.PUBLICLY_KNOWN, Rule.DERIVED_FROM_PUBLIC_INPUT,
                Rule.DERIVED_FROM_PUBLIC_INPUT, Rule.TOO_WEAK, Rule.LOW_DIVERSITY, Rule.REUSED);
        for (Finding finding : findings) {
            for (String value : values) {
                assertThat(List.of(finding.message(), finding.problem(), finding.fix(), finding.toString()))
                        .noneMatch(text -> text.contains(value));
            }
        }
        assertThat(candidates).extracting(Object::toString)
                .noneMatch(text -> values.stream().anyMatch(text::contains));
    }

    @Test
    void shouldLeaveCallersSecretIntact_whenEvaluating() {
        SecretBytes secret = SecretBytes.fromUtf8(hex(32));
        byte[] before = secret.toByteArray();

        POLICY.evaluate(List.of(new SecretCandidate("k", "s", java.util.Optional.of(secret), 256)), PRODUCTION);

        assertThat(Arrays.equals(secret.toByteArray(), before)).isTrue();
    }

    @Test
    void shouldThrow_whenCandidateIsNull() {
        List<SecretCandidate> candidates = new ArrayList<>();
        candidates.add(candidate(hex(32)));
        candidates.add(null);

        assertThatThrownBy(() -> POLICY.evaluate(candidates, PRODUCTION))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("candidates[1] is null");
    }

    @Test
    void shouldThrow_whenContextIsNull() {
        assertThatThrownBy(() -> POLICY.evaluate(List.of(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("context");
    }
}
