package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.K1;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.tck.support.MiniJson;

/**
 * Node's {@code jose} (panva/jose, pinned in {@code src/test/node/jose-interop/package-lock.json}) decrypts
 * Steadfast's encrypted cookie with the documented derived key, and Steadfast accepts a cookie {@code jose} encrypted
 * in its header with that key (docs/spec.md ENC-4).
 *
 * <p>On demand only, because it needs Node 20 and the npm registry ({@code npm ci} into {@code target/}):
 * {@code mvn -B -pl impl -am test -Dtest=NodeJoseInteropTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsteadfast.interop.node=true}.
 */
@EnabledIfSystemProperty(named = "steadfast.interop.node", matches = "true")
class NodeJoseInteropTest {

    private static final Path SOURCE = Path.of("src/test/node/jose-interop");
    private static final Path WORK = Path.of("target/node-jose-interop");

    @Test
    void joseDecryptsOurCookieAndWeAcceptItsCookie() throws Exception {
        install();
        JweSessionCodec codec = JweFixtures.codec();
        SessionData session = session().attribute("cart", List.of(1L, 2.5)).build();
        String cookie = codec.encode(session);
        String claims = Fixtures.payload("{\"user\":\"node\",\"n\":{\"$long\":\"7\"}}");
        String input = "{\"kek\":\"" + Fixtures.b64(JweFixtures.kek(K1)) + "\",\"kid\":\"k1\",\"cookie\":\"" + cookie
                + "\",\"claims\":" + quoted(claims) + "}";

        Map<String, Object> output = MiniJson.parseObject(run(input, "node", "interop.mjs"));

        assertThat(output.get("header")).isEqualTo(Map.of("alg", "A256KW", "enc", "A256GCM", "kid", "k1",
                "typ", "steadfast-session+jwe"));
        assertThat(output.get("plaintext"))
                .isEqualTo(Fixtures.fromB64(Fixtures.codec().encode(session).split("\\.")[1]));
        DecodeResult result = codec.decode((String) output.get("cookie"));
        assertThat(result).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.keyId()).isEqualTo("k1");
            assertThat(valid.session().id()).isEqualTo("s1");
            assertThat(valid.session().attributes()).containsEntry("user", "node").containsEntry("n", 7L);
        });
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "interop.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run("", "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
    }

    private static String run(String stdin, String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(WORK, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(WORK.toFile())
                .redirectError(errors.toFile()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", List.of(command)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", List.of(command), Files.readString(errors)).isZero();
        return out;
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
