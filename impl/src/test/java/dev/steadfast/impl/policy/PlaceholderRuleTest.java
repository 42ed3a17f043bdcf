package dev.steadfast.impl.policy;

import dev.steadfast.policy.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.steadfast.impl.policy.PolicyFixtures.evaluate;
import static dev.steadfast.impl.policy.PolicyFixtures.tokenUrlsafe;
import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderRuleTest {

    @Test
    void shouldRefuse_whenPlaceholder() {
        assertThat(evaluate("change-me")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.PLACEHOLDER);
            assertThat(f.message()).isEqualTo("STEADFAST-1103: jwt.secret (EnvConfigSource, ordinal 300) is a"
                    + " placeholder, not a secret. Fix: replace it with a random value of at least 256 bits, e.g."
                    + " the output of `openssl rand -hex 32` or `java -jar steadfast-impl-cli.jar keygen`");
        });
    }

    @Test
    void shouldRefuse_whenTemplateResidue() {
        assertThat(evaluate("${JWT_SECRET}")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.PLACEHOLDER);
            assertThat(f.message()).isEqualTo("STEADFAST-1103: jwt.secret (EnvConfigSource, ordinal 300) is"
                    + " unexpanded template residue (a variable or expression that was never substituted), not a"
                    + " secret. Fix: make sure the variable is defined and substituted before deployment, with a"
                    + " random value of at least 256 bits, e.g. the output of `openssl rand -hex 32` or"
                    + " `java -jar steadfast-impl-cli.jar keygen`");
        });
    }

    @Test
    void shouldRefuse_whenDjangoInsecureKey() {
        String value = "django-insecure-" + tokenUrlsafe(38);

        assertThat(evaluate(value)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.PLACEHOLDER);
            assertThat(f.problem()).isEqualTo(
                    "is a Django development key (it starts with django-insecure-), not a production secret");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "changeme", "change_me", "CHANGE_ME", "ChangeMe", "change-me-in-production", "please.change.this",
            "your-secret-here", "your_jwt_signing_key_here", "YOUR SECRET HERE",
            "TODO", "todo-generate-a-real-key", "FIXME", "TBD",
            "replace-me", "replace_with_a_real_secret", "insert-your-key", "insert_secret_here",
            "xxx", "xxxxxxxxxxxxxxxxxxxxxxxx", "sk_live_xxxxxxxxxxxxxxxx", "XXXX-XXXX-XXXX-XXXX",
            "secret", "Password", "passwd", "example", "placeholder", "dummy", "DEFAULT", "test", "null", "undefined",
            "my-dummy-key", "an.example.secret"})
    void shouldRefuse_whenPlaceholderWord(String value) {
        assertThat(evaluate(value)).singleElement()
                .satisfies(f -> assertThat(f.problem()).isEqualTo(PolicyMessages.PLACEHOLDER_WORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<secret>", "<your signing key>", "Bearer <token>", "<JWT_SECRET>",
            "${JWT_SECRET}", "${jwt.secret:changeme}", "${JWT_SECRET:-fallback}", "${env:SIGNING_KEY}",
            "prefix-${APP_ENV}-suffix", "#{systemEnvironment['JWT_SECRET']}", "#{ jwtSecret }",
            "%JWT_SECRET%", "%secret%", "abc%SIGNING_KEY%def", "{{ jwt_secret }}", "{{.Values.secret}}"})
    void shouldRefuse_whenTemplateSyntax(String value) {
        assertThat(evaluate(value)).singleElement()
                .satisfies(f -> assertThat(f.problem()).isEqualTo(PolicyMessages.PLACEHOLDER_TEMPLATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Placeholder words inside random-looking values are coincidences, not placeholders.
            "Q9xxxZ7kTodoP3mWn8Rv2LhYc5FsBd1GeJa6NtUq0Ko",
            "k2-todo_W8rP0vXyZq1LmN4bT7cHs9DfGj3Ka6Ue5Rw",
            "9f8e7d6c5b4a3f2e1d0cxxx",
            // Symbols in a password are not template syntax.
            "a<b9>c!x%Q7%z#{1}",
            // Honest words are fine as tokens when they are not stand-ins.
            "granite-secret-orbit-velvet-quench-lantern-mosaic-brisk-tundra-fable"})
    void shouldNotReportPlaceholder_whenWordsAreIncidental(String value) {
        assertThat(PlaceholderDetector.detect(value)).isEmpty();
    }
}
