package dev.steadfast.impl.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.steadfast.impl.keys.DevelopmentKey;
import dev.steadfast.Mode;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.PolicyContext;
import dev.steadfast.policy.SecretCandidate;

/**
 * The fixed wording of the policy's findings, for the fuzz targets' no-leak oracle: some findings name a marker a
 * bad secret starts with ({@code sfdev-}, {@code django-insecure-}), so a "secret" that is only (part of) such a
 * marker appears in the message without anything having leaked (regression inputs crash-dev-key-prefix-only,
 * crash-django-marker-only). The wording is collected once from reference secrets that trigger every rule.
 */
public final class PolicyWording {

    private static final String TEXT = collect();

    private PolicyWording() {
    }

    /** @param s a secret's text @return whether it occurs in the policy's fixed wording */
    public static boolean contains(String s) {
        return TEXT.contains(s);
    }

    private static String collect() {
        List<String> references = List.of("changeme", "${JWT_SECRET}", "your-256-bit-secret", "<secret>",
                "django-insecure-0123456789abcdefghijklmnopqrstuvwxyz", DevelopmentKey.PREFIX + "0123456789abcdef",
                "keyboard cat", "shop.example.com", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc", "0123456789", "password123");
        DefaultSecretPolicy policy = new DefaultSecretPolicy();
        StringBuilder text = new StringBuilder();
        for (Mode mode : Mode.values()) {
            PolicyContext context = new PolicyContext(mode, Set.of("shop.example.com", "Orders", "/orders"));
            for (String reference : references) {
                List<SecretCandidate> candidates = new ArrayList<>();
                SecretBytes bytes = SecretBytes.copyOf(reference.getBytes(StandardCharsets.UTF_8));
                candidates.add(new SecretCandidate("app.a.secret", "from fuzz, ordinal 100", Optional.of(bytes), 256));
                candidates.add(new SecretCandidate("app.b.secret", "from fuzz, ordinal 100", Optional.of(bytes), 512));
                candidates.add(new SecretCandidate("app.c.secret", "not set", Optional.empty(), 256));
                text.append(policy.evaluate(candidates, context).stream()
                        .map(f -> f.message().replace(reference, "\u0000"))
                        .collect(Collectors.joining("\n"))).append('\n');
            }
        }
        return text.toString();
    }
}
