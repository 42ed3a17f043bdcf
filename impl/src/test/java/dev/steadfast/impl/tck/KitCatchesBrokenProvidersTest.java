package dev.steadfast.impl.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.steadfast.impl.DefaultSteadfastProvider;
import dev.steadfast.spi.SteadfastProvider;
import dev.steadfast.tck.Tags;
import dev.steadfast.tck.spi.ProviderUnderTest;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The SPI-level kit can fail: run against each deliberately broken provider it reports failures, and precisely in
 * the test that names the mistake; against the real provider it passes. Without this, a kit that asserts nothing
 * would look just as green.
 */
class KitCatchesBrokenProvidersTest {

    /** What one run of the SPI-level kit produced. */
    private record Outcome(int tests, Set<String> failed) {
    }

    private static Outcome runKitAgainst(Class<? extends SteadfastProvider> provider) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("dev.steadfast.tck.spi"))
                .filters(includeClassNamePatterns(".*Test"), TagFilter.includeTags(Tags.SPI))
                .build();
        Set<String> failed = new TreeSet<>();
        int[] tests = {0};
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    tests[0]++;
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failed.add(id.getDisplayName().replaceAll("\\(.*\\)$", ""));
                    }
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        String previous = System.getProperty(ProviderUnderTest.PROPERTY);
        System.setProperty(ProviderUnderTest.PROPERTY, provider.getName());
        try {
            launcher.execute(request, listener);
        } finally {
            if (previous == null) {
                System.clearProperty(ProviderUnderTest.PROPERTY);
            } else {
                System.setProperty(ProviderUnderTest.PROPERTY, previous);
            }
        }
        return new Outcome(tests[0], failed);
    }

    @Test
    void realProvider_passesTheWholeKit() {
        Outcome outcome = runKitAgainst(DefaultSteadfastProvider.class);

        assertThat(outcome.tests()).isGreaterThan(40);
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void codecAcceptingAnyMac_failsTheTamperingTests() {
        Outcome outcome = runKitAgainst(BrokenProviders.AcceptsAnyMac.class);

        assertThat(outcome.failed()).contains("decode_rejectsTamperedPayloadOrSignature",
                "decode_codecWithDifferentSecretUnderSameKidRejectsBadSignature");
    }

    @Test
    void randomKeyPerCodec_failsTheCrossInstanceTests() {
        Outcome outcome = runKitAgainst(BrokenProviders.RandomKeyPerCodec.class);

        assertThat(outcome.failed()).contains("decode_secondCodecOverSameKeyRingVerifiesFirstCodecsCookie",
                "decode_codecOverEqualKeysBuiltSeparatelyVerifies",
                "encode_macIsPlainHmacOfSigningInputWithSecretUtf8Bytes");
    }

    @Test
    void algorithmFromHeader_failsTheAlgorithmTest() {
        Outcome outcome = runKitAgainst(BrokenProviders.AlgorithmFromHeader.class);

        assertThat(outcome.failed()).contains("decode_neverTakesTheAlgorithmFromTheHeader");
    }

    @Test
    void encryptionReusingANonce_failsTheFreshnessTest() {
        Outcome outcome = runKitAgainst(BrokenEncryptionProviders.ReusesNonce.class);

        assertThat(outcome.failed()).contains("encode_drawsAFreshContentKeyAndIvPerCookie");
    }

    @Test
    void encryptionAcceptingDir_failsTheAlgorithmPinningTest() {
        Outcome outcome = runKitAgainst(BrokenEncryptionProviders.AcceptsDir.class);

        assertThat(outcome.failed()).contains("decode_pinsAlgAndEncWhateverTheRestOfTheValue");
    }

    @Test
    void derivationIgnoringTheAudience_failsTheDerivationAndAudienceTests() {
        Outcome outcome = runKitAgainst(BrokenEncryptionProviders.IgnoresAudience.class);

        assertThat(outcome.failed()).contains("encode_opensWithTheSpecifiedDerivedKeyToTheSpecifiedClaims",
                "decode_anotherAudienceWithTheSameSecretCannotUnwrap");
    }

    @Test
    void policyCountingCharacters_failsTheGuessabilityTests() {
        Outcome outcome = runKitAgainst(BrokenProviders.CountsCharacters.class);

        assertThat(outcome.failed()).contains("digestsOfCommonWords_areRefusedInHexAndBase64",
                "humanMadeText_isRefusedHoweverLong", "encodingsOfText_areJudgedAsTheText");
    }

    @Test
    void policyRefusingSymbols_failsTheRandomSecretsTest() {
        Outcome outcome = runKitAgainst(BrokenProviders.RefusesSymbols.class);

        assertThat(outcome.failed()).contains("randomSecretsWithSymbols_areAccepted");
    }
}
