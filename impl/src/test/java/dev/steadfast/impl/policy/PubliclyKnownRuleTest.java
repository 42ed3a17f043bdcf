package dev.steadfast.impl.policy;

import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static dev.steadfast.impl.policy.PolicyFixtures.POLICY;
import static dev.steadfast.impl.policy.PolicyFixtures.PRODUCTION;
import static dev.steadfast.impl.policy.PolicyFixtures.evaluate;
import static dev.steadfast.impl.policy.PolicyFixtures.tokenUrlsafe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PubliclyKnownRuleTest {

    private static final String SHIRO_DEFAULT = "kPH+bIxk5D2deZiIxcaaaA==";
    private static final String RFC7515_K =
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

    @Test
    void shouldRefuse_whenPubliclyKnown() {
        assertThat(evaluate(SHIRO_DEFAULT, 128)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.PUBLICLY_KNOWN);
            assertThat(f.message()).isEqualTo("STEADFAST-1104: jwt.secret (EnvConfigSource, ordinal 300) is a"
                    + " publicly known secret (a framework default, a documentation or tutorial example, or a leaked"
                    + " key). Fix: replace it with a fresh random value of at least 128 bits, e.g. the output of"
                    + " `openssl rand -hex 16` or `java -jar steadfast-impl-cli.jar keygen`, and treat anything"
                    + " signed with the old value as forged");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2AvVhdsgUs0FSA3SDFAdag==", "3AvVhmFLUs0KTA3Kprsdag==", "4AvVhmFLUs0KTA3Kprsdag==",
            "Z3VucwAAAAAAAAAAAAAAAA==", "wGiHplamyXlVB11UXWol8g==", "6ZmI6I2j5Y+R5aSn5ZOlAA==",
            "1QWLxg+NYmxraMoxAXu/Iw==",
            "your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret", "your-secret-key", "mysecretkey",
            "supersecret", "shhhhh", "shhhhhared-secret", "secretkey", "jwt_secret", "my_secret_key",
            "dev", "keyboard cat", "changeit",
            "my-secret-key-which-should-be-changed-in-production-and-be-base64-encoded",
            "bXktc2VjcmV0LWtleS13aGljaC1zaG91bGQtYmUtY2hhbmdlZC1pbi1wcm9kdWN0aW9uLWFuZC1iZS1iYXNlNjQtZW5jb2RlZAo=",
            RFC7515_K,
            "VyuBxj_oO69TcSj81wguirrLsK3f7F9JioFrGeSTHqI",
            "5f57340b7fab5f1f172c336ac35264defcaddc3a204800030fee17b445895ab9"})
    void shouldRefuse_whenListed(String value) {
        assertThat(evaluate(value)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.PUBLICLY_KNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "404E635266556A586E3272357538782F413F4428472B4B6250645367566B5970",
            "404e635266556a586e3272357538782f413f4428472b4b6250645367566b5970",
            "@NcRfUjXn2r5u8x/A?D(G+KbPdSgVkYp",
            "5367566B59703373367639792F423F4528482B4D6251655468576D5A71347437",
            "413F4428472B4B6250655368566D5970337336763979244226452948404D6351",
            "357638792F423F4428472B4B6250655368566D597133743677397A2443264629",
            "bezKoderSecretKey", "======================BezKoder=Spring===========================",
            "bezkoder-secret-key", "javainuse", "javainuse-secret-key", "mySecret", "JWTSuperSecretKey", "SecretKeyToGenJWTs", "ThisIsASecret",
            "pleaseChangeThisSecretForANewOne", "my-secret-token-to-change-in-production",
            "07a00779cfd8d372c73b40631b62c81503e1b18e", "5C37379956BD1242F5636C8CB322C2966AD81277"})
    void shouldRefuse_whenValueIsTutorialOrFrameworkSampleSecret(String value) {
        assertThat(evaluate(value, 256)).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.PUBLICLY_KNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Keyboard Cat", "YOUR-256-BIT-SECRET", "5F57340B7FAB5F1F172C336AC35264DEFCADDC3A204800030FEE17B445895AB9"})
    void shouldRefuse_whenListedWordDiffersInCase(String value) {
        assertThat(evaluate(value)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.PUBLICLY_KNOWN));
    }

    @Test
    void shouldRefuse_whenListedBinaryKeyIsConfiguredAsHex() {
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(SHIRO_DEFAULT));

        assertThat(evaluate(hex, 128)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.PUBLICLY_KNOWN));
    }

    @Test
    void shouldRefuse_whenListedBinaryKeyIsConfiguredAsUnpaddedBase64url() {
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(SHIRO_DEFAULT));

        assertThat(evaluate(url, 128)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.PUBLICLY_KNOWN));
    }

    @Test
    void shouldRefuse_whenValueBytesAreListedBinaryKey() {
        byte[] rfc7515Key = Base64.getUrlDecoder().decode(RFC7515_K);
        SecretCandidate candidate =
                new SecretCandidate("jwt.secret", "test", Optional.of(SecretBytes.copyOf(rfc7515Key)), 256);

        assertThat(POLICY.evaluate(List.of(candidate), PRODUCTION)).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.PUBLICLY_KNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Jefe",
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "0102030405060708090a0b0c0d0e0f10111213141516171819",
            "0102030405060708090A0B0C0D0E0F10111213141516171819"})
    void shouldRefuse_whenRfc4231TestKey(String value) {
        assertThat(evaluate(value)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.PUBLICLY_KNOWN));
    }

    @Test
    void shouldRefuse_whenRfc4231LongTestKeyAsHex() {
        assertThat(evaluate("aa".repeat(131))).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo(Rule.PUBLICLY_KNOWN));
    }

    @Test
    void shouldAccept_whenUnlisted() {
        assertThat(evaluate(tokenUrlsafe(32))).isEmpty();
    }

    @Test
    void shouldParseEveryEntry_whenLoadingBundledList() {
        assertThat(KnownSecrets.bundled().size()).isGreaterThan(120);
    }

    @Test
    void shouldRefuse_everyExampleSecretInThisProjectsDocs() throws IOException {
        // Anything shown in our own README or docs gets copied into real deployments: it must be refused.
        java.util.regex.Pattern assignment = java.util.regex.Pattern.compile(
                "(?m)^\\s*(?:steadfast\\.key\\.[a-z0-9-]+\\.secret|STEADFAST_KEY_[A-Z0-9_]+_SECRET)\\s*[=:]\\s*(\\S+)\\s*$");
        java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
        List<java.nio.file.Path> files = new java.util.ArrayList<>();
        files.add(root.resolve("README.md"));
        try (java.util.stream.Stream<java.nio.file.Path> docs = java.nio.file.Files.walk(root.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).forEach(files::add);
        }
        List<String> examples = new java.util.ArrayList<>();
        for (java.nio.file.Path file : files) {
            java.util.regex.Matcher m = assignment.matcher(java.nio.file.Files.readString(file));
            while (m.find()) {
                String value = m.group(1);
                if (!value.startsWith("<") && !value.startsWith("$")) {
                    examples.add(value);
                }
            }
        }

        assertThat(examples).as("example secrets found in README.md and docs/").isNotEmpty();
        for (String example : examples) {
            assertThat(evaluate(example)).as(example).extracting(f -> f.rule())
                    .containsAnyOf(Rule.PUBLICLY_KNOWN, Rule.PLACEHOLDER);
        }
    }

    @Test
    void shouldNameSourceOfEveryGroup_whenReadingBundledList() throws IOException {
        List<String> lines = bundledLines();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).startsWith("#") && lines.get(i - 1).isBlank()) {
                throw new AssertionError("line " + (i + 1) + " starts a group without a comment naming its source");
            }
        }
    }

    @Test
    void shouldRejectEntry_whenEncodingInvalid() {
        assertThatThrownBy(() -> KnownSecrets.parse(List.of("# group", "hex:zz")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2 of the known-secrets list is not a valid entry: ");
    }

    private static List<String> bundledLines() throws IOException {
        try (InputStream in = KnownSecrets.class.getResourceAsStream(KnownSecrets.RESOURCE)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
