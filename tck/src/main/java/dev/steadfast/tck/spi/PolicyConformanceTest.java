package dev.steadfast.tck.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.Mode;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.PolicyContext;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;
import dev.steadfast.policy.SecretPolicy;
import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastSpiTest;
import dev.steadfast.tck.support.TestKeys;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The secret policy of the provider under test: each class of bad secret is refused with a finding that names the
 * property and its source, never the value; a strong random secret passes.
 */
@SteadfastSpiTest
class PolicyConformanceTest {

    static final String SOURCE = "from TckSource, ordinal 400";
    /** The README's example key: published, hence refused (spec Appendix A). */
    static final String README_EXAMPLE = "Rm9yIGV4YW1wbGUgb25seTogZ2VuZXJhdGUgeW91ciBvd24";
    static final String PUBLIC_INPUT = "tck-host-4f9d2c7a81e3b056.corp.internal";

    private static SecretPolicy policy() {
        return ProviderUnderTest.get().secretPolicy();
    }

    private static SecretCandidate candidate(String property, String value) {
        return new SecretCandidate(property, SOURCE, Optional.ofNullable(value).map(SecretBytes::fromUtf8), 256);
    }

    private static List<Finding> judge(Mode mode, SecretCandidate... candidates) {
        return policy().evaluate(List.of(candidates), new PolicyContext(mode, Set.of(PUBLIC_INPUT)));
    }

    private static Finding onlyFinding(String value) {
        List<Finding> findings = judge(Mode.PRODUCTION, candidate("app.secret", value));
        assertThat(findings).as("findings for one bad secret").hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.property()).isEqualTo("app.secret");
        assertThat(f.source()).isEqualTo(SOURCE);
        assertThat(f.message()).startsWith(f.rule().id() + ": app.secret (" + SOURCE + ") ")
                .contains(". Fix: ").doesNotContain(value);
        assertThat(f.problem() + f.fix()).doesNotContain(value);
        return f;
    }

    @Test
    @Clause("POLICY-1")
    void strongRandomSecrets_pass() {
        assertThat(judge(Mode.PRODUCTION, candidate("a.secret", TestKeys.secret()),
                candidate("b.secret", TestKeys.secret()))).isEmpty();
    }

    @Test
    @Clause("POLICY-2")
    void missingValue_isRefused() {
        List<Finding> findings = judge(Mode.PRODUCTION, candidate("app.secret", null));

        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.MISSING_VALUE);
        assertThat(findings.get(0).message()).startsWith("STEADFAST-1108: app.secret (" + SOURCE + ") ");
    }

    @Test
    @Clause("POLICY-3")
    @Clause("MSG-1")
    @Clause("MSG-2")
    void weakSecret_isRefusedNamingPropertyNotValue() {
        String weak = TestKeys.secret(12);

        assertThat(onlyFinding(weak).rule()).isEqualTo(Rule.TOO_WEAK);
    }

    @Test
    @Clause("POLICY-3")
    void requiredStrengthFollowsTheCandidate() {
        String bits128 = TestKeys.secret(20);
        SecretCandidate asToken = new SecretCandidate("api.token", SOURCE,
                Optional.of(SecretBytes.fromUtf8(bits128)), 128);
        SecretCandidate asHs512 = new SecretCandidate("hs512.secret", SOURCE,
                Optional.of(SecretBytes.fromUtf8(TestKeys.secret())), 512);

        assertThat(judge(Mode.PRODUCTION, asToken)).isEmpty();
        assertThat(judge(Mode.PRODUCTION, asHs512)).extracting(Finding::rule).containsExactly(Rule.TOO_WEAK);
    }

    @Test
    @Clause("POLICY-4")
    @Clause("MSG-2")
    void placeholders_areRefused() {
        for (String placeholder : List.of("changeme", "${SESSION_SECRET}", "<your-secret-here>",
                "replace-me-with-a-real-secret-before-going-to-production")) {
            assertThat(onlyFinding(placeholder).rule()).as(placeholder).isEqualTo(Rule.PLACEHOLDER);
        }
    }

    @Test
    @Clause("POLICY-5")
    void publiclyKnownSecrets_areRefused() {
        assertThat(onlyFinding(README_EXAMPLE).rule()).isEqualTo(Rule.PUBLICLY_KNOWN);
    }

    @Test
    @Clause("POLICY-6")
    void secretEqualToAPublicInput_isRefused() {
        assertThat(onlyFinding(PUBLIC_INPUT).rule()).isEqualTo(Rule.DERIVED_FROM_PUBLIC_INPUT);
    }

    @Test
    @Clause("POLICY-6")
    void secretThatIsTheSha256OfAPublicInput_isRefusedThoughItLooksRandom() throws Exception {
        // "Unique per host" secrets such as sha256(hostname) pass every strength test, yet anyone can compute them.
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(PUBLIC_INPUT.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(onlyFinding(java.util.HexFormat.of().formatHex(digest)).rule())
                .isEqualTo(Rule.DERIVED_FROM_PUBLIC_INPUT);
    }

    @Test
    @Clause("POLICY-7")
    void developmentKey_isRefusedInProductionOnly() {
        String devKey = "sfdev-" + TestKeys.secret();

        assertThat(onlyFinding(devKey).rule()).isEqualTo(Rule.DEVELOPMENT_KEY);
        assertThat(judge(Mode.DEVELOPMENT, candidate("app.secret", devKey))).isEmpty();
    }

    @Test
    @Clause("POLICY-8")
    void reusedSecret_isRefusedOnTheLaterPropertyNamingTheEarlier() {
        String shared = TestKeys.secret();

        List<Finding> findings = judge(Mode.PRODUCTION, candidate("first.secret", shared),
                candidate("second.secret", shared));

        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.REUSED);
        assertThat(findings.get(0).property()).isEqualTo("second.secret");
        assertThat(findings.get(0).problem()).contains("first.secret").doesNotContain(shared);
    }

    @Test
    @Clause("POLICY-9")
    void lowDiversitySecret_isRefused() {
        String repeated = "Ab3$".repeat(30);

        assertThat(onlyFinding(repeated).rule()).isIn(Rule.LOW_DIVERSITY, Rule.TOO_WEAK);
    }

    @Test
    @Clause("POLICY-10")
    void eachValueGetsOnlyItsMostSpecificFinding() {
        // "changeme" is also weak: the placeholder is the one finding that helps.
        assertThat(onlyFinding("changeme").rule()).isEqualTo(Rule.PLACEHOLDER);
        assertThat(onlyFinding("sfdev-changeme").rule()).isEqualTo(Rule.DEVELOPMENT_KEY);
    }

    @Test
    @Clause("POLICY-1")
    @Clause("POLICY-8")
    void allFindingsAreReportedAtOnceInCandidateOrder() {
        String shared = "changeme";

        List<Finding> findings = judge(Mode.PRODUCTION, candidate("a.secret", null),
                candidate("b.secret", shared), candidate("c.secret", shared));

        assertThat(findings).extracting(Finding::property)
                .containsExactly("a.secret", "b.secret", "c.secret", "c.secret");
        assertThat(findings).extracting(Finding::rule)
                .containsExactly(Rule.MISSING_VALUE, Rule.PLACEHOLDER, Rule.PLACEHOLDER, Rule.REUSED);
    }
}
