package dev.steadfast.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.testsupport.SecretGenerators;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class RejectedValueTest {

    /**
     * Samples per format. The default build takes a few thousand; the measurement the display rule's comment quotes
     * ran {@code -Dsteadfast.rejected-value.samples=100000}.
     */
    private static final int SAMPLES = Integer.getInteger("steadfast.rejected-value.samples", 2_000);

    private static final SecureRandom RANDOM = new SecureRandom();

    private static Map<String, Function<byte[], String>> encodings() {
        Map<String, Function<byte[], String>> m = new LinkedHashMap<>();
        m.put("base64", b -> Base64.getEncoder().encodeToString(b));
        m.put("base64 unpadded", b -> Base64.getEncoder().withoutPadding().encodeToString(b));
        m.put("base64url", b -> Base64.getUrlEncoder().encodeToString(b));
        m.put("base64url unpadded", b -> Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        m.put("hex", b -> HexFormat.of().formatHex(b));
        m.put("HEX", b -> HexFormat.of().withUpperCase().formatHex(b));
        return m;
    }

    private static boolean anyShown(String value) {
        return RejectedValue.of(value).shown() || RejectedValue.ofInstant(value).shown()
                || RejectedValue.ofDuration(value).shown() || RejectedValue.ofPath(value).shown()
                || RejectedValue.ofKeyId(value).shown() || RejectedValue.ofPropertyName(value).shown();
    }

    /** What a list property (steadfast.keys) would show: every entry, when all are showable. */
    private static boolean listShown(String value) {
        List<String> parts = java.util.Arrays.stream(value.split(",")).map(String::trim)
                .filter(p -> !p.isEmpty()).toList();
        return !parts.isEmpty() && parts.stream().allMatch(p -> RejectedValue.ofKeyId(p).shown());
    }

    @Test
    void shouldShowNoGeneratedSecret_whenBase64Base64urlOrHexOf32To64Bytes() {
        int checked = 0;
        for (int size : new int[] {32, 48, 64}) {
            for (Map.Entry<String, Function<byte[], String>> encoding : encodings().entrySet()) {
                for (int i = 0; i < SAMPLES; i++) {
                    byte[] bytes = new byte[size];
                    RANDOM.nextBytes(bytes);
                    String secret = encoding.getValue().apply(bytes);
                    assertThat(anyShown(secret)).as("%s of %d bytes would be shown", encoding.getKey(), size)
                            .isFalse();
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(3 * encodings().size() * SAMPLES);
    }

    @Test
    void shouldShowNoGeneratorOutput_whenWholeOrAsAListOrAfterASlash() {
        for (SecretGenerators.Generator generator : SecretGenerators.forHs256()) {
            for (int i = 0; i < Math.max(20, SAMPLES / 100); i++) {
                String secret = generator.next(RANDOM);
                assertThat(anyShown(secret)).as(generator.name()).isFalse();
                assertThat(listShown(secret)).as(generator.name() + " as a list").isFalse();
                // A secret pasted after a directory: "/run/secrets/" + secret is not path-shaped either.
                assertThat(RejectedValue.ofPath("/run/secrets/" + secret).shown()).as(generator.name() + " in a path")
                        .isFalse();
            }
        }
    }

    @Test
    void shouldShowShortTokensAndQuoteThem_whenTheyFitTheGrammar() {
        assertThat(RejectedValue.of("HS999").text()).isEqualTo("'HS999'");
        assertThat(RejectedValue.of(" prod ").text()).isEqualTo("'prod'");
        assertThat(RejectedValue.of("Bad_Id").shown()).isTrue();
        assertThat(RejectedValue.of("-1").shown()).isTrue();
        assertThat(RejectedValue.of("1234567890123").shown()).isFalse();
        assertThat(RejectedValue.of("12 hours").shown()).isFalse();
        assertThat(RejectedValue.ofInstant("2026-13-01T00:00:00Z").text()).isEqualTo("'2026-13-01T00:00:00Z'");
        assertThat(RejectedValue.ofInstant("2026-11-22T00:00:00.123456789+01:00").shown()).isTrue();
        assertThat(RejectedValue.ofDuration("P1Y2M3DT4H5M6.5S").shown()).isTrue();
        assertThat(RejectedValue.ofKeyId("session-2026-q1").shown()).isTrue();
        assertThat(RejectedValue.ofKeyId("9f86d081884c7d659a2feaa0c55ad015").shown()).isFalse();
    }

    @Test
    void shouldShowPropertyNames_whenDottedOrEnvironmentStyle() {
        for (String name : List.of("payments.api-key", "app.jwt.secret", "mp.jwt.verify.key", "PAYMENTS_API_KEY")) {
            assertThat(RejectedValue.ofPropertyName(name).text()).as(name).isEqualTo("'" + name + "'");
        }
        assertThat(RejectedValue.ofPropertyName("app.5e884898da28047151d0e56f8dc62927.key").shown()).isFalse();
        assertThat(RejectedValue.ofPropertyName("Kx9.mQ2.zR4.pL8w.Tq").shown()).isFalse();
    }

    @Test
    void shouldShowRealPaths_whenTheyLookLikeMountedSecrets() {
        for (String path : List.of("/run/secrets/steadfast_k1", "/var/run/secrets/steadfast/key",
                "/etc/steadfast/k1.key", "/etc/secrets/..data/key", "C:\\secrets\\k1.txt", "./secrets/k1",
                "../conf/k1.secret", "~/steadfast/dev.key", "/home/Alice/keys/SESSION_KEY",
                "/tmp/junit4711817366127427411/key")) {
            assertThat(RejectedValue.ofPath(path).shown()).as(path).isTrue();
            assertThat(RejectedValue.ofPath(path).text()).isEqualTo(path);
        }
        for (String notPath : List.of("secrets/k1", "/q3ZkT9vLmN0aWZ5c2VjcmV0/a2V5bWF0ZXJpYWxfMzJieXRlcw",
                "/ab+cd/ef", "/run/secrets/my key", "")) {
            assertThat(RejectedValue.ofPath(notPath).shown()).as(notPath).isFalse();
        }
    }

    @Test
    void shouldDescribeLengthAndCharacterKinds_whenNotShown() {
        assertThat(RejectedValue.of("Zm9v-YmFy_YmF6LXF1eC1xdXV4LWNvcmdl-Z3JhdWx0").text()).isEqualTo(
                "a value of 43 characters (upper- and lower-case letters, digits, '-' and '_'), not shown as it "
                        + "may be a secret");
        assertThat(RejectedValue.describe("ab+/==\n")).isEqualTo(
                "a value of 7 characters (lower-case letters, '+', '/', '=' and line breaks)");
        assertThat(RejectedValue.describe("!\"#$%&'()*")).isEqualTo("a value of 10 characters (10 kinds of punctuation)");
        assertThat(RejectedValue.describe("é")).isEqualTo("a value of 1 character (non-ASCII characters)");
        assertThat(RejectedValue.of("Zm9v-YmFy_YmF6LXF1eC1xdXV4LWNvcmdl").fix("set warn"))
                .isEqualTo("set warn; " + RejectedValue.REGENERATE);
        assertThat(RejectedValue.of("warning").fix("set warn")).isEqualTo("set warn");
    }
}
