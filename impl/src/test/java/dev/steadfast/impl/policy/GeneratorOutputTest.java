package dev.steadfast.impl.policy;

import dev.steadfast.policy.Finding;
import dev.steadfast.policy.SecretCandidate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static dev.steadfast.impl.policy.PolicyFixtures.POLICY;
import static dev.steadfast.impl.policy.PolicyFixtures.PRODUCTION;
import static dev.steadfast.impl.policy.PolicyFixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy's promise to operators: whatever a standard generator prints, sized for the algorithm, is accepted.
 * A false positive here would refuse a correctly configured deployment, so no rule may fire on any sample.
 */
class GeneratorOutputTest {

    private static final int SAMPLES = 20_000;
    // Small batches keep the quadratic reuse check cheap while still exercising multi-candidate evaluation.
    private static final int BATCH = 10;

    static Stream<Arguments> generators() {
        List<Arguments> arguments = new ArrayList<>();
        for (int bits : new int[] {256, 384, 512}) {
            int bytes = bits / 8;
            arguments.add(Arguments.of("openssl rand -hex " + bytes, bits, (IntFunction<String>) PolicyFixtures::hex));
            arguments.add(Arguments.of("openssl rand -base64 " + bytes, bits,
                    (IntFunction<String>) PolicyFixtures::opensslBase64));
            arguments.add(Arguments.of("secrets.token_hex(" + bytes + ")", bits,
                    (IntFunction<String>) PolicyFixtures::hex));
            arguments.add(Arguments.of("secrets.token_urlsafe(" + bytes + ")", bits,
                    (IntFunction<String>) PolicyFixtures::tokenUrlsafe));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} at {1} bits")
    @MethodSource("generators")
    void shouldAccept_whenValueComesFromStandardGenerator(String generator, int bits, IntFunction<String> next) {
        List<String> flagged = new ArrayList<>();
        for (int done = 0; done < SAMPLES; done += BATCH) {
            List<SecretCandidate> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(candidate("secret." + (done + i), next.apply(bits / 8), bits));
            }
            for (Finding finding : POLICY.evaluate(batch, PRODUCTION)) {
                flagged.add(finding.message());
            }
        }

        assertThat(flagged).as("findings for %d samples of %s", SAMPLES, generator).isEmpty();
    }
}
