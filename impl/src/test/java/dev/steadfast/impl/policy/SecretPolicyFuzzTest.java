package dev.steadfast.impl.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.steadfast.Mode;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.PolicyContext;
import dev.steadfast.policy.SecretCandidate;

/**
 * Fuzz target (c): the secret policy. Input: one flag byte (bit 0 development mode, bits 1-2 the required strength
 * 256/384/512, bit 3 the value is raw bytes rather than UTF-8 text, bit 4 a second property carries the same value,
 * bit 5 a third property is unset), then the secret. Invariants: the policy answers with findings and never throws,
 * every finding names one of the candidates' properties, and no finding shows the secret: a message may contain the
 * secret's text only where a run with a different secret of the same length produces it too (so a secret such as
 * {@code "a"} or {@code "secret"} that is part of the fixed wording is not a leak; nor is a value that is only the
 * development-key prefix {@code sfdev-}, which the development-key finding names).
 *
 * <p>Regression inputs: {@code src/test/resources/dev/steadfast/impl/policy/SecretPolicyFuzzTestInputs/secretPolicy/}.
 */
class SecretPolicyFuzzTest {

    private static final DefaultSecretPolicy POLICY = new DefaultSecretPolicy();
    private static final Set<String> PUBLIC_INPUTS = Set.of("shop.example.com", "Orders", "/orders");
    private static final int[] BITS = {256, 384, 512, 256};

    @FuzzTest(maxDuration = "3h", maxExecutions = 10_000_000)
    void secretPolicy(byte[] input) {
        if (input.length < 2) {
            // An empty value never reaches the policy: PropertyLookup reports an empty property as unset.
            return;
        }
        int flags = input[0];
        byte[] value = Arrays.copyOfRange(input, 1, input.length);
        PolicyContext context = new PolicyContext((flags & 1) != 0 ? Mode.DEVELOPMENT : Mode.PRODUCTION,
                PUBLIC_INPUTS);
        int bits = BITS[(flags >> 1) & 3];
        boolean raw = (flags & 8) != 0;
        String text = new String(value, StandardCharsets.UTF_8);

        List<Finding> findings = POLICY.evaluate(candidates(flags, raw ? value : text.getBytes(StandardCharsets.UTF_8),
                bits), context);
        assertThat(findings).isNotNull().doesNotContainNull();
        Set<String> properties = Set.of("app.jwt.secret", "app.other.secret", "app.unset.secret");
        for (Finding f : findings) {
            assertThat(properties).contains(f.property());
        }
        if (text.isEmpty()) {
            return;
        }
        String messages = findings.stream().map(Finding::message).collect(Collectors.joining("\n"));
        // Some findings name a marker (sfdev-, django-insecure-); a "secret" that is only (part of) such wording
        // is not a leak (regression inputs crash-dev-key-prefix-only, crash-django-marker-only).
        // Below 4 characters a "secret" cannot be told from wording (the H of HS256); the policy refuses it anyway.
        if (text.length() >= 4 && messages.contains(text) && !PolicyWording.contains(text)) {
            byte[] other = differentOfSameLength(value);
            String otherMessages = POLICY.evaluate(candidates(flags, other, bits), context).stream()
                    .map(Finding::message).collect(Collectors.joining("\n"));
            assertThat(otherMessages).as("the secret's text appears in a finding only because the wording has it")
                    .contains(text);
        }
    }

    private static List<SecretCandidate> candidates(int flags, byte[] value, int bits) {
        List<SecretCandidate> out = new ArrayList<>();
        out.add(new SecretCandidate("app.jwt.secret", "from fuzz, ordinal 100", Optional.of(SecretBytes.copyOf(value)),
                bits));
        if ((flags & 16) != 0) {
            out.add(new SecretCandidate("app.other.secret", "from fuzz, ordinal 100",
                    Optional.of(SecretBytes.copyOf(value)), 256));
        }
        if ((flags & 32) != 0) {
            out.add(new SecretCandidate("app.unset.secret", "not set", Optional.empty(), 256));
        }
        return out;
    }

    /** The same length in bytes, every byte changed: printable ASCII in a fixed pattern. */
    static byte[] differentOfSameLength(byte[] value) {
        byte[] other = new byte[value.length];
        for (int i = 0; i < other.length; i++) {
            other[i] = (byte) ('!' + (i * 7 + 3) % 90);
            if (other[i] == value[i]) {
                other[i] = (byte) (other[i] == '~' ? '!' : other[i] + 1);
            }
        }
        return other;
    }
}
