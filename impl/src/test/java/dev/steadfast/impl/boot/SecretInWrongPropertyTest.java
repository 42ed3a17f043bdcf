package dev.steadfast.impl.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.support.LogCapture;
import dev.steadfast.testsupport.SecretGenerators;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generator's output, pasted into every Steadfast property that is not a secret, through what deployment
 * runs ({@link Bootstrap}, in production): no finding, exception or log line contains the value or any 12 characters
 * of it.
 */
class SecretInWrongPropertyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final String SOURCE = "from test, ordinal 100";
    /** The configured key, valid, so that the pasted value is the only problem. */
    private static final String KEY = "wp4Qz7LmN2xR9sKt3VbY6cHj1FdA8gEu5oTi0WnPqXr";
    private static final int SAMPLES_PER_GENERATOR = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Steadfast's non-secret properties that are validated (audience, cookie name, path and domain are not). */
    static Stream<String> properties() {
        return Stream.of("steadfast.keys", "steadfast.key.k1.secret-file", "steadfast.key.k1.algorithm",
                "steadfast.key.k1.created-at", "steadfast.key.k1.retire-at", "steadfast.key.rotation-period",
                "steadfast.mode", "steadfast.validate", "steadfast.session.idle-timeout",
                "steadfast.session.absolute-timeout", "steadfast.session.clock-leeway",
                "steadfast.session.renew-after", "steadfast.session.max-size", "steadfast.session.chunking",
                "steadfast.session.cookie.secure", "steadfast.session.cookie.http-only",
                "steadfast.session.cookie.same-site", "steadfast.session.container-sessions");
    }

    @ParameterizedTest
    @MethodSource("properties")
    void shouldNeverShowTheValue_whenAGeneratedSecretIsPutInANonSecretProperty(String property) {
        for (SecretGenerators.Generator generator : SecretGenerators.forHs256()) {
            for (int i = 0; i < SAMPLES_PER_GENERATOR; i++) {
                String pasted = generator.next(RANDOM);
                Map<String, String> config = new LinkedHashMap<>(Map.of("steadfast.mode", "production",
                        "steadfast.keys", "k1", "steadfast.key.k1.secret", KEY));
                if (property.equals("steadfast.key.k1.secret-file")) {
                    config.remove("steadfast.key.k1.secret");
                }
                config.put(property, pasted);

                List<String> texts = deploy(PropertyLookup.of(config, SOURCE));

                assertThat(texts).as("%s in %s", generator, property).isNotEmpty();
                for (String text : texts) {
                    assertThat(text).as("%s in %s", generator, property).doesNotContain(pasted);
                    for (int at = 0; at + 12 <= pasted.length(); at++) {
                        String piece = pasted.substring(at, at + 12);
                        assertThat(text.contains(piece)).as("%s in %s: 12 characters of it shown in %s", generator,
                                property, text).isFalse();
                    }
                }
            }
        }
    }

    /** @return every finding's message, the exception's message and every log line */
    private static List<String> deploy(PropertyLookup config) {
        List<String> texts = new ArrayList<>();
        try (LogCapture log = LogCapture.steadfast()) {
            Throwable thrown = catchThrowable(() -> Deployments.start("/shop", config, List.of(), NOW));
            assertThat(thrown).isInstanceOf(SteadfastConfigurationException.class);
            SteadfastConfigurationException refused = (SteadfastConfigurationException) thrown;
            refused.findings().forEach(f -> texts.add(f.message()));
            texts.add(refused.getMessage());
            texts.add(log.text());
        }
        return texts;
    }
}
