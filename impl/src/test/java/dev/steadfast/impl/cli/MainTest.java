package dev.steadfast.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.Mode;
import dev.steadfast.impl.boot.Bootstrap;
import dev.steadfast.impl.boot.ValidationReport;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.policy.DefaultSecretPolicy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MainTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:04:05.678Z");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC),
                env);
        return main.run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The lines of one block ("# microprofile-config.properties" or "# or environment variables"). */
    private Map<String, String> block(String heading) {
        Map<String, String> props = new LinkedHashMap<>();
        String[] lines = stdout().split("\\R");
        boolean in = false;
        for (String line : lines) {
            if (line.equals(heading)) {
                in = true;
            } else if (in && line.isEmpty()) {
                break;
            } else if (in) {
                int eq = line.indexOf('=');
                props.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return props;
    }

    @Test
    void keygen_printsPropertiesAndEnvironmentVariablesForTheSameKey() {
        assertThat(run(Map.of(), "keygen")).isZero();

        Map<String, String> props = block("# microprofile-config.properties");
        Map<String, String> env = block("# or environment variables");
        assertThat(props.keySet()).containsExactly("steadfast.keys", "steadfast.key.2026-11.secret",
                "steadfast.key.2026-11.created-at");
        assertThat(props.get("steadfast.keys")).isEqualTo("2026-11");
        assertThat(props.get("steadfast.key.2026-11.created-at")).isEqualTo("2026-11-22T03:04:05Z");
        assertThat(props.get("steadfast.key.2026-11.secret")).matches("[A-Za-z0-9_-]{43}");
        assertThat(env).containsEntry("STEADFAST_KEYS", "2026-11")
                .containsEntry("STEADFAST_KEY_2026_11_SECRET", props.get("steadfast.key.2026-11.secret"))
                .containsEntry("STEADFAST_KEY_2026_11_CREATED_AT", "2026-11-22T03:04:05Z");
        assertThat(stdout()).contains("# Rotation: add the next key LAST in steadfast.keys");
    }

    @Test
    void keygen_keysPassTheProductionPolicyForEveryAlgorithm() {
        for (String alg : List.of("HS256", "HS384", "HS512")) {
            out.reset();
            assertThat(run(Map.of(), "keygen", "--id", "k1", "--algorithm", alg)).isZero();
            Map<String, String> props = block("# microprofile-config.properties");

            ValidationReport report = Bootstrap.check(new DefaultSecretPolicy(), PropertyLookup.of(props, "keygen"));

            assertThat(report.mode()).isEqualTo(Mode.PRODUCTION);
            assertThat(report.findings()).as(alg).isEmpty();
            assertThat(report.keys().keyRing().orElseThrow().primary().algorithm().name()).isEqualTo(alg);
        }
    }

    @Test
    void keygen_eachRunDiffers() {
        run(Map.of(), "keygen");
        String first = block("# microprofile-config.properties").get("steadfast.key.2026-11.secret");
        out.reset();
        run(Map.of(), "keygen");

        assertThat(block("# microprofile-config.properties").get("steadfast.key.2026-11.secret"))
                .isNotEqualTo(first);
    }

    @Test
    void rotate_addsNewKeyLastThenFirstThenAlone() {
        assertThat(run(Map.of("STEADFAST_KEYS", "2026-05"), "rotate")).isZero();

        assertThat(stdout())
                .contains("# Step 1, on EVERY instance: add the new key LAST. It verifies but does not sign yet.\n"
                        + "steadfast.keys=2026-05,2026-11\n")
                .contains("STEADFAST_KEYS=2026-05,2026-11\n")
                .contains("steadfast.keys=2026-11,2026-05\nSTEADFAST_KEYS=2026-11,2026-05\n")
                .contains("steadfast.keys=2026-11\nSTEADFAST_KEYS=2026-11\n");
    }

    @Test
    void rotate_avoidsIdsInUse() {
        assertThat(run(Map.of(), "rotate", "--keys", "2026-11")).isZero();

        assertThat(stdout()).contains("steadfast.keys=2026-11,2026-11-2\n");
    }

    @Test
    void badArguments_exitTwoWithUsage() {
        assertThat(run(Map.of(), "keygen", "--id", "Bad")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("Invalid key id 'Bad'; must match [a-z0-9][a-z0-9-]{0,31}")
                .contains("Usage: java -jar steadfast-impl-cli.jar");
        assertThat(run(Map.of(), "rotate")).isEqualTo(2);
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(run(Map.of())).isEqualTo(2);
    }

    @Test
    void envName_followsMicroProfileMapping() {
        assertThat(Main.envName("steadfast.key.2026-11.secret")).isEqualTo("STEADFAST_KEY_2026_11_SECRET");
    }
}
