package dev.steadfast.impl.policy;

import dev.steadfast.impl.keys.DevelopmentKey;
import dev.steadfast.Mode;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.PolicyContext;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;
import dev.steadfast.policy.SecretPolicy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.steadfast.impl.policy.PolicyMessages.format;
import static dev.steadfast.impl.policy.PolicyMessages.openssl;

/**
 * Steadfast's secret policy.
 *
 * <p>Each candidate gets at most one finding about its value, the most specific that applies, because a single
 * clear reason is easier to act on than a pile of symptoms ({@code changeme} is a placeholder first, and only
 * incidentally weak). Reuse is judged separately, so a reused placeholder gets both findings.
 *
 * <p>Instances are immutable and thread-safe; the only I/O is the one-time load of the bundled list of known
 * secrets.
 */
public final class DefaultSecretPolicy implements SecretPolicy {

    private final KnownSecrets knownSecrets;

    /** Uses the bundled list of publicly known secrets. */
    public DefaultSecretPolicy() {
        this(KnownSecrets.bundled());
    }

    DefaultSecretPolicy(KnownSecrets knownSecrets) {
        this.knownSecrets = Objects.requireNonNull(knownSecrets, "knownSecrets");
    }

    @Override
    public List<Finding> evaluate(List<SecretCandidate> candidates, PolicyContext context) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(context, "context");
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i) == null) {
                throw new NullPointerException("candidates[" + i + "] is null");
            }
        }
        PublicInputDerivations derivations = new PublicInputDerivations(context.publicInputs());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            SecretCandidate candidate = candidates.get(i);
            Optional<SecretBytes> value = candidate.value();
            if (value.isEmpty()) {
                findings.add(finding(candidate, Rule.MISSING_VALUE, PolicyMessages.MISSING,
                        format(PolicyMessages.FIX_SET, candidate.requiredBits(), openssl(candidate.requiredBits()))));
                continue;
            }
            judgeValue(candidate, value.get(), context.mode(), derivations).ifPresent(findings::add);
            firstEarlierHolder(candidates, i).ifPresent(earlier -> findings.add(finding(candidate, Rule.REUSED,
                    format(PolicyMessages.REUSED, earlier.property()),
                    format(PolicyMessages.FIX_REUSED, candidate.property(), candidate.requiredBits(),
                            openssl(candidate.requiredBits())))));
        }
        return List.copyOf(findings);
    }

    private Optional<Finding> judgeValue(SecretCandidate candidate, SecretBytes secret, Mode mode,
                                         PublicInputDerivations derivations) {
        byte[] bytes = secret.toByteArray();
        try {
            return judgeValue(candidate, new String(bytes, StandardCharsets.UTF_8), bytes, mode, derivations);
        } finally {
            // The String cannot be wiped; the copy of the bytes can.
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private Optional<Finding> judgeValue(SecretCandidate candidate, String value, byte[] bytes, Mode mode,
                                         PublicInputDerivations derivations) {
        int bits = candidate.requiredBits();
        String hint = openssl(bits);
        boolean developmentKey = DevelopmentKey.isDevelopmentKey(value);
        if (developmentKey && mode == Mode.PRODUCTION) {
            return Optional.of(finding(candidate, Rule.DEVELOPMENT_KEY, PolicyMessages.DEVELOPMENT_KEY,
                    format(PolicyMessages.FIX_DEVELOPMENT_KEY, hint)));
        }

        Optional<PlaceholderKind> placeholder = PlaceholderDetector.detect(value);
        if (placeholder.isPresent()) {
            return Optional.of(switch (placeholder.get()) {
                case WORD -> finding(candidate, Rule.PLACEHOLDER, PolicyMessages.PLACEHOLDER_WORD,
                        format(PolicyMessages.FIX_REPLACE, bits, hint));
                case TEMPLATE -> finding(candidate, Rule.PLACEHOLDER, PolicyMessages.PLACEHOLDER_TEMPLATE,
                        format(PolicyMessages.FIX_TEMPLATE, bits, hint));
                case DJANGO_INSECURE -> finding(candidate, Rule.PLACEHOLDER, PolicyMessages.PLACEHOLDER_DJANGO,
                        format(PolicyMessages.FIX_REPLACE, bits, hint));
            });
        }

        if (knownSecrets.contains(value, bytes)) {
            return Optional.of(finding(candidate, Rule.PUBLICLY_KNOWN, PolicyMessages.PUBLICLY_KNOWN,
                    format(PolicyMessages.FIX_PUBLICLY_KNOWN, bits, hint)));
        }

        Optional<String> derivation = derivations.derivation(value);
        if (derivation.isPresent()) {
            String problem = derivation.get().equals(PublicInputDerivations.INPUT_ITSELF)
                    ? PolicyMessages.DERIVED_INPUT
                    : format(PolicyMessages.DERIVED_DIGEST, derivation.get());
            return Optional.of(finding(candidate, Rule.DERIVED_FROM_PUBLIC_INPUT, problem,
                    format(PolicyMessages.FIX_DERIVED, bits, hint)));
        }

        // The development prefix is public, so only what follows it can carry entropy.
        StrengthEstimator.Estimate estimate = StrengthEstimator.estimate(
                developmentKey ? value.substring(DevelopmentKey.PREFIX.length()) : value, bits);
        Optional<DiversityProblem> pattern = DiversityCheck.check(estimate.classified());
        // A run, a repeated block or a sequence in a value long enough by its characters is named as exactly that;
        // "few distinct characters" is what any text shows, and the text model's reading says more.
        boolean patterned = pattern.isPresent() && pattern.get().kind() != DiversityProblem.Kind.FEW_DISTINCT
                && estimate.classified().estimatedBits() >= bits;
        if (estimate.bits() < bits && !patterned) {
            int estimated = (int) Math.floor(estimate.bits());
            String problem = estimate.explanation().isEmpty()
                    ? format(PolicyMessages.TOO_WEAK, estimated, bits)
                    : format(PolicyMessages.TOO_WEAK_BECAUSE, estimate.explanation(), estimated, bits);
            return Optional.of(finding(candidate, Rule.TOO_WEAK, problem,
                    format(PolicyMessages.FIX_TOO_WEAK, bits, hint)));
        }

        return pattern.map(problem -> finding(candidate, Rule.LOW_DIVERSITY,
                switch (problem.kind()) {
                    case LONG_RUN -> format(PolicyMessages.LONG_RUN, problem.observed());
                    case REPEATED_PATTERN -> format(PolicyMessages.REPEATED_PATTERN, problem.observed());
                    case SEQUENCE -> format(PolicyMessages.SEQUENCE, problem.observed());
                    case FEW_DISTINCT -> format(PolicyMessages.FEW_DISTINCT, problem.observed(), problem.expected());
                },
                format(PolicyMessages.FIX_LOW_DIVERSITY, bits, hint)));
    }

    /** Compares with every earlier value, in constant time per pair, and names the first that matches. */
    private static Optional<SecretCandidate> firstEarlierHolder(List<SecretCandidate> candidates, int index) {
        SecretBytes value = candidates.get(index).value().orElseThrow();
        SecretCandidate first = null;
        for (int j = 0; j < index; j++) {
            SecretCandidate earlier = candidates.get(j);
            if (first == null && earlier.value().isPresent() && value.equals(earlier.value().get())) {
                first = earlier;
            }
        }
        return Optional.ofNullable(first);
    }

    private static Finding finding(SecretCandidate candidate, Rule rule, String problem, String fix) {
        return new Finding(rule, candidate.property(), candidate.source(), problem, fix);
    }
}
